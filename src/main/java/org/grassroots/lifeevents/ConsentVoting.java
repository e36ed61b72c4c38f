package org.grassroots.lifeevents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.grassroots.lifeevents.internal.consent.ConsentJournal;
import org.grassroots.lifeevents.internal.consent.ConsentLinks;
import org.grassroots.lifeevents.internal.consent.ConsentRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.PlainText;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vote: an owner votes once through their link, or the office records a paper vote; the office
 * closes the vote, and the tally decides: passed, the consent goes to public notice; failed, it is
 * refused and the application hears why. A second vote for an owner is refused (409): a vote, once
 * cast, is not changed.
 */
@Service
public class ConsentVoting {

	private final ConsentRepository consents;

	private final ConsentJournal journal;

	private final InputCheck input;

	private final MessageSource messages;

	private final Clock clock;

	ConsentVoting(ConsentRepository consents, ConsentJournal journal, InputCheck input, MessageSource messages, Clock clock) {
		this.consents = consents;
		this.journal = journal;
		this.input = input;
		this.messages = messages;
		this.clock = clock;
	}

	/** The owner's own vote through their link; an unknown or replaced link is 404. */
	@Transactional
	public ConsentOwner vote(String token, @Nullable Vote vote) {
		if (vote == null) {
			throw DomainException.invalid("le.consent.error.no-vote");
		}
		ConsentOwner owner = byToken(token);
		Consent consent = consents.lock(owner.consentId()).orElseThrow();
		ConsentRules.check(ConsentAction.VOTE, consent.state(), ConsentRules.Party.OWNER);
		// read again under the consent's lock: the office may have recorded a vote meanwhile
		ConsentOwner current = consents.owner(consent.id(), owner.id()).orElseThrow();
		return cast(consent, current, current.version(), vote, CastBy.LINK, null, null, ConsentJournal.RESIDENT,
				ConsentAction.VOTE);
	}

	/** A paper vote the office records, with a note (e.g. where the signed form is kept). */
	@Transactional
	public ConsentOwner recordVote(long consentId, long ownerId, ConsentCommands.RecordVote command, CurrentUser user) {
		input.check(command);
		Consent consent = locked(consentId, user);
		ConsentRules.checkOffice(ConsentAction.RECORD_VOTE, consent.state(), user);
		ConsentOwner owner = consents.owner(consentId, ownerId)
			.orElseThrow(() -> new NotFoundException("consent owner", ownerId));
		String note = PlainText.lines(command.note());
		if (note == null) {
			throw DomainException.invalid("le.consent.error.blank");
		}
		return cast(consent, owner, command.version(), command.vote(), CastBy.OFFICE, user.getUsername(), note, null,
				ConsentAction.RECORD_VOTE);
	}

	/**
	 * Closes the vote and keeps the tally. Passed: NOTICE from today for the notice days (calendar
	 * days, today the first). Failed: REFUSED, and {@link OwnersConsentRefused} names the failed
	 * conditions.
	 */
	@Transactional
	public Consent close(long consentId, ConsentCommands.Step command, CurrentUser user) {
		Consent before = locked(consentId, user);
		ConsentRules.checkOffice(ConsentAction.CLOSE, before.state(), user);
		Article278.Tally tally = Article278.tally(consents.ballots(consentId));
		Instant now = clock.instant();
		Map<String, @Nullable Object> changes = new HashMap<>(ConsentRepository.tallyColumns(tally));
		changes.put("closed_at", now);
		if (tally.passes()) {
			LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));
			changes.put("state", ConsentState.NOTICE);
			changes.put("notice_starts_on", today);
			changes.put("notice_ends_on", today.plusDays(before.noticeDays() - 1L));
		}
		else {
			changes.put("state", ConsentState.REFUSED);
			changes.put("decided_at", now);
		}
		if (!consents.move(consentId, command.version(), changes, now)) {
			throw DomainException.staleVersion();
		}
		Consent after = consents.find(consentId).orElseThrow();
		journal.changed(ConsentAction.CLOSE, after, before, after);
		if (!tally.passes()) {
			journal.publish(new OwnersConsentRefused(after.applicationId(), failedReason(tally.failed(), Locale.SIMPLIFIED_CHINESE),
					failedReason(tally.failed(), Locale.ENGLISH)));
		}
		return after;
	}

	private ConsentOwner cast(Consent consent, ConsentOwner owner, int version, Vote vote, CastBy castBy,
			@Nullable String recordedBy, @Nullable String note, @Nullable String actor, ConsentAction action) {
		if (owner.vote() != null) {
			throw DomainException.conflict("le.consent.error.already-voted", owner.flat());
		}
		if (!consents.vote(owner.id(), version, vote, castBy, recordedBy, note, clock.instant())) {
			throw DomainException.staleVersion();
		}
		ConsentOwner after = consents.owner(consent.id(), owner.id()).orElseThrow();
		journal.changed(action, consent, owner, after, actor);
		return after;
	}

	private ConsentOwner byToken(String token) {
		if (!ConsentLinks.plausible(token)) {
			throw new NotFoundException("voting link", "?");
		}
		return consents.ownerByToken(ConsentLinks.lookups(token)).orElseThrow(() -> new NotFoundException("voting link", "?"));
	}

	private Consent locked(long consentId, CurrentUser user) {
		if (!user.isStaff() || consents.find(consentId, user.scope()).isEmpty()) {
			throw new NotFoundException("consent", consentId);
		}
		return consents.lock(consentId).orElseThrow();
	}

	/** "Not met: ..." naming each failed condition, in one language. */
	String failedReason(List<Article278.Condition> failed, Locale locale) {
		String conditions = failed.stream()
			.map(condition -> messages.getMessage("le.consent.condition." + condition.name(), null, locale))
			.collect(Collectors.joining(messages.getMessage("le.consent.separator", null, locale)));
		return messages.getMessage("le.consent.refused.failed", new Object[] { conditions }, locale);
	}

}
