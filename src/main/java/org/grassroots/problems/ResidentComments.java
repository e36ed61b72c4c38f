package org.grassroots.problems;

import java.time.Clock;
import java.time.Instant;

import org.grassroots.problems.internal.NoticeRepository;
import org.grassroots.problems.internal.ProblemRepository;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's comment on their report, relayed by a client application (an Open311 client such
 * as FixMyStreet): it joins the problem's timeline for staff, in any state, and changes nothing
 * else.
 *
 * The entry is internal, not public: the text is the resident's own and may name people, and a
 * client that reads the public updates back would otherwise see its own comment as the
 * government's answer. Staff see it on the timeline, the unit holding the problem gets a
 * {@code COMMENTED} notice, and the audit log records which client relayed it.
 */
@Service
public class ResidentComments {

	/** The longest comment kept, the same as a description. */
	public static final int MAX_TEXT = ProblemCommands.MAX_DESCRIPTION;

	/** Longest name of a client in the timeline (the column holds 100 characters). */
	private static final int MAX_CLIENT = 100;

	private final ProblemRepository problems;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final NoticeRepository notices;

	ResidentComments(ProblemRepository problems, NoticeRepository notices, ApplicationEventPublisher events, Clock clock) {
		this.notices = notices;
		this.problems = problems;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A comment from a client application on a resident's report with a public title.
	 *
	 * @param ledgerNo the report, as the public feed names it
	 * @param client who relayed it, named in the timeline and the audit log
	 * @param text what the resident wrote
	 */
	public record Relayed(String ledgerNo, String client, String text) {

	}

	/** Adds the comment to the timeline and answers the new entry's id; 404 for a report not in the public feed. */
	@Transactional
	public long relay(Relayed comment) {
		Problem problem = problems.findByLedgerNo(comment.ledgerNo().trim(), DataScope.CITY)
			.filter(found -> found.source() == ProblemSource.RESIDENT && found.titlePublic())
			.orElseThrow(() -> new NotFoundException("service request", comment.ledgerNo()));
		String text = comment.text().strip();
		if (text.isEmpty()) {
			throw DomainException.invalid("problems.error.comment-empty");
		}
		if (text.length() > MAX_TEXT) {
			throw DomainException.invalid("problems.error.comment-too-long", MAX_TEXT);
		}
		String client = comment.client().length() > MAX_CLIENT ? comment.client().substring(0, MAX_CLIENT)
				: comment.client();
		Instant now = clock.instant();
		long entryId = problems.insertEvent(problem.id(), ProblemAction.COMMENT, problem.state(), problem.state(), client,
				null, text, false, now);
		// the resident's words stay out of the audit record: it names the client and the problem
		events.publishEvent(new ProblemChanged(ProblemAction.COMMENT, problem, problem, null, client));
		notices.insert(problem.holderUnitPath(), "COMMENTED", problem.id(),
				"COMMENTED:" + problem.id() + ":" + entryId + "@" + problem.holderUnitPath(), now);
		return entryId;
	}

}
