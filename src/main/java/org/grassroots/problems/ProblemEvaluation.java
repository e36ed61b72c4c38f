package org.grassroots.problems;

import static org.grassroots.problems.ProblemCommandSupport.blankToNull;
import static org.grassroots.problems.ProblemCommandSupport.changes;
import static org.grassroots.problems.ProblemCommandSupport.clearRecognition;
import static org.grassroots.problems.ProblemCommandSupport.trackingLookups;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.problems.ProblemCommands.Evaluate;
import org.grassroots.problems.ProblemCommands.Review;
import org.grassroots.problems.internal.ProblemRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluation: the resident rates the result of their report by its tracking code, and the upper
 * unit reviews a dissatisfied rating, reopening the problem or upholding its closure.
 */
@Service
public class ProblemEvaluation {

	private final ProblemCommandSupport support;

	private final ProblemRepository problems;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final InputCheck input;

	ProblemEvaluation(ProblemCommandSupport support, ProblemRepository problems, ApplicationEventPublisher events,
			Clock clock, InputCheck input) {
		this.support = support;
		this.problems = problems;
		this.events = events;
		this.clock = clock;
		this.input = input;
	}

	/** The resident rates a closed problem by tracking code; dissatisfied opens a review by the upper unit. */
	@Transactional
	public Problem evaluate(String trackingCode, Evaluate command) {
		input.check(command);
		return evaluate(problems.findByTrackingHash(trackingLookups(trackingCode))
			.orElseThrow(() -> new NotFoundException("problem", "tracking code")), command);
	}

	/**
	 * The signed-in resident rates one of their own reports (我的反映) by ledger number: holding
	 * the account that filed it makes them the reporter, as holding the tracking code does.
	 */
	@Transactional
	public Problem evaluateOwn(String ledgerNo, Evaluate command, CurrentUser user) {
		input.check(command);
		return evaluate(problems.findReportedBy(ledgerNo.trim(), user.accountId())
			.orElseThrow(() -> new NotFoundException("problem", ledgerNo)), command);
	}

	private Problem evaluate(Problem problem, Evaluate command) {
		ProblemRules.check(ProblemAction.EVALUATE, problem.state(), Set.of(Party.REPORTER));
		// one rating per closure: a reopened and closed again problem may be rated again
		if (problem.evaluatedAt() != null && problem.closedAt() != null && problem.evaluatedAt().isAfter(problem.closedAt())) {
			throw DomainException.conflict("problems.error.already-evaluated");
		}
		Instant now = clock.instant();
		Map<String, @Nullable Object> changes = changes("state", problem.state(), "evaluation", command.rating().name(),
				"evaluation_comment", blankToNull(command.comment()), "evaluated_at", now);
		String reviewer = null;
		if (command.rating() == Rating.DISSATISFIED) {
			reviewer = support.parentOf(support.unit(problem.holderUnitId())).path();
			changes.put("review_state", "OPEN");
			changes.put("review_unit_path", reviewer);
		}
		if (!problems.update(problem.id(), problem.version(), changes, now)) {
			throw DomainException.staleVersion();
		}
		problems.insertEvent(problem.id(), ProblemAction.EVALUATE, problem.state(), problem.state(), TimelineEntry.RESIDENT, null,
				command.rating().name(), true, now);
		Problem after = support.reload(problem.id());
		support.messageRated(after);
		events.publishEvent(new ProblemChanged(ProblemAction.EVALUATE, problem, after, command.rating().name(), TimelineEntry.RESIDENT));
		if (reviewer != null) {
			problems.addParty(problem.id(), reviewer);
			support.notice("REVIEW", after, List.of(reviewer), String.valueOf(after.version()));
		}
		return after;
	}

	/** The upper unit decides a dissatisfied evaluation: reopen the problem, or uphold the closure. */
	@Transactional
	public Problem review(long id, Review command, CurrentUser user) {
		input.check(command);
		Problem after = support.transition(id, command.reopen() ? ProblemAction.REOPEN : ProblemAction.REVIEW,
				command.version(), user, command.note(), true, problem -> {
					if (!problem.reviewOpen()) {
						throw DomainException.conflict("problems.error.no-review");
					}
					if (!command.reopen()) {
						return changes("state", ProblemState.CLOSED, "review_state", "UPHELD");
					}
					Map<String, @Nullable Object> changes = changes("state", ProblemState.RECTIFYING, "review_state",
							"REOPENED", "closed_at", null);
					clearRecognition(changes);
					return changes;
				});
		if (command.reopen()) {
			support.noticeHolder("REOPENED", after);
		}
		return after;
	}

}
