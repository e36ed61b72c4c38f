package org.grassroots.lifeevents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.grassroots.lifeevents.internal.consent.ConsentJournal;
import org.grassroots.lifeevents.internal.consent.ConsentRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.PhoneNumbers;
import org.grassroots.shared.PlainText;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public notice of a passed vote: objections are received (on the public notice page until its
 * last day, or recorded by the office while the consent is in notice); after the last day a notice
 * without objections is confirmed by the hourly job, one with objections by the office's decision.
 */
@Service
public class ConsentNotice {

	private final ConsentRepository consents;

	private final ConsentJournal journal;

	private final FieldCipher cipher;

	private final InputCheck input;

	private final MessageSource messages;

	private final Clock clock;

	ConsentNotice(ConsentRepository consents, ConsentJournal journal, FieldCipher cipher, InputCheck input,
			MessageSource messages, Clock clock) {
		this.consents = consents;
		this.journal = journal;
		this.cipher = cipher;
		this.input = input;
		this.messages = messages;
		this.clock = clock;
	}

	/** An objection sent on the public notice page: only while the notice runs (its last day included). */
	@Transactional
	public ConsentObjection object(long consentId, ConsentCommands.Objection command) {
		input.check(command);
		Consent consent = consents.lock(consentId)
			.filter(found -> found.state() == ConsentState.NOTICE)
			.orElseThrow(() -> new NotFoundException("consent notice", consentId));
		if (today().isAfter(consent.noticeEndsOn())) {
			throw DomainException.conflict("le.consent.error.notice-over");
		}
		return save(consent, command, null, ConsentAction.OBJECT, ConsentJournal.RESIDENT);
	}

	/** An objection received by the office (on paper, by phone), while the consent is in notice. */
	@Transactional
	public ConsentObjection recordObjection(long consentId, ConsentCommands.Objection command, CurrentUser user) {
		input.check(command);
		Consent consent = locked(consentId, user);
		ConsentRules.checkOffice(ConsentAction.RECORD_OBJECTION, consent.state(), user);
		return save(consent, command, user.getUsername(), ConsentAction.RECORD_OBJECTION, null);
	}

	/**
	 * The office decides after the notice's last day: confirm (saying how objections were handled)
	 * or refuse (saying why). Before the end it is 409.
	 */
	@Transactional
	public Consent decide(long consentId, ConsentCommands.Decide command, CurrentUser user) {
		input.check(command);
		Consent before = locked(consentId, user);
		ConsentAction action = command.confirm() ? ConsentAction.CONFIRM : ConsentAction.REFUSE;
		ConsentRules.checkOffice(action, before.state(), user);
		if (!today().isAfter(before.noticeEndsOn())) {
			throw DomainException.conflict("le.consent.error.notice-running", before.noticeEndsOn().toString());
		}
		String note = PlainText.lines(command.note());
		if (note == null) {
			throw DomainException.invalid("le.consent.error.blank");
		}
		Consent after = finish(before, command.version(), command.confirm(), note, user.getUsername());
		if (command.confirm()) {
			journal.publish(new OwnersConsentConfirmed(after.applicationId()));
		}
		else {
			journal.publish(new OwnersConsentRefused(after.applicationId(), refusedReason(note, Locale.SIMPLIFIED_CHINESE),
					refusedReason(note, Locale.ENGLISH)));
		}
		return after;
	}

	/**
	 * The job's confirmation of one consent whose notice ended without objections; false when it no
	 * longer qualifies (decided meanwhile, or an objection came in).
	 */
	@Transactional
	public boolean confirmIfDue(long consentId) {
		Consent before = consents.lock(consentId).orElse(null);
		if (before == null || before.state() != ConsentState.NOTICE || !today().isAfter(before.noticeEndsOn())
				|| consents.objectionCount(consentId) > 0) {
			return false;
		}
		Consent after = finish(before, before.version(), true, null, null);
		journal.publish(new OwnersConsentConfirmed(after.applicationId()));
		return true;
	}

	/** Today in the city's time zone: notice days are the city's calendar days. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(Times.ZONE));
	}

	private Consent finish(Consent before, int version, boolean confirm, @Nullable String note, @Nullable String by) {
		Instant now = clock.instant();
		Map<String, @Nullable Object> changes = new HashMap<>();
		changes.put("state", confirm ? ConsentState.CONFIRMED : ConsentState.REFUSED);
		changes.put("decision_note", note);
		changes.put("decided_by", by);
		changes.put("decided_at", now);
		if (!consents.move(before.id(), version, changes, now)) {
			throw DomainException.staleVersion();
		}
		Consent after = consents.find(before.id()).orElseThrow();
		journal.changed(confirm ? ConsentAction.CONFIRM : ConsentAction.REFUSE, after, before, after);
		return after;
	}

	private ConsentObjection save(Consent consent, ConsentCommands.Objection command, @Nullable String recordedBy,
			ConsentAction action, @Nullable String actor) {
		String objector = PlainText.line(command.objector());
		String body = PlainText.lines(command.objection());
		if (objector == null || body == null) {
			throw DomainException.invalid("le.consent.error.blank");
		}
		String contactCipher = null;
		String contactMasked = null;
		if (command.contact() != null && !command.contact().isBlank()) {
			String phone = PhoneNumbers.normalize(command.contact())
				.orElseThrow(() -> DomainException.invalid("le.consent.error.phone", command.contact()));
			contactCipher = cipher.encrypt(phone);
			contactMasked = FieldCipher.maskPhone(phone);
		}
		long id = consents.insertObjection(consent.id(), objector, contactCipher, contactMasked, body, recordedBy,
				clock.instant());
		ConsentObjection saved = consents.objections(consent.id()).stream().filter(o -> o.id() == id).findFirst().orElseThrow();
		journal.changed(action, consent, null, saved, actor);
		return saved;
	}

	private Consent locked(long consentId, CurrentUser user) {
		if (!user.isStaff() || consents.find(consentId, user.scope()).isEmpty()) {
			throw new NotFoundException("consent", consentId);
		}
		return consents.lock(consentId).orElseThrow();
	}

	private String refusedReason(String note, Locale locale) {
		return messages.getMessage("le.consent.refused.after-notice", new Object[] { note }, locale);
	}

}
