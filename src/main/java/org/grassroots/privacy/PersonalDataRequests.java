package org.grassroots.privacy;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.IdCardNumbers;
import org.grassroots.shared.PersonalDataHolder;
import org.grassroots.shared.PersonalDataHolder.Erasure;
import org.grassroots.shared.PersonalDataHolder.HeldRecord;
import org.grassroots.shared.PhoneNumbers;
import org.grassroots.shared.PlainText;
import org.grassroots.shared.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's request about the personal data held on them, handled by a system administrator
 * within their reach (docs/privacy.md): everything found by their phone or ID card number, for an
 * export to hand over, or erased where no retention duty applies, in one transaction. Both are
 * audited with the reason and the numbers masked; the audit log itself is never erased.
 */
@Service
public class PersonalDataRequests {

	static final int REASON_MAX = 500;

	private final List<PersonalDataHolder> holders;

	private final FieldCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PersonalDataRequests(List<PersonalDataHolder> holders, FieldCipher cipher, ApplicationEventPublisher events,
			Clock clock) {
		this.holders = List.copyOf(holders);
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	/** Who asks, by a phone number, an ID card number or both, and why the administrator acts. */
	public record Subject(@Nullable String phone, @Nullable String idCard, @Nullable String reason) {

	}

	/** What is held on the person: the masked numbers asked for, when, by whom and why, and the records in full. */
	public record Export(List<String> asked, Instant madeAt, String madeBy, String reason, List<HeldRecord> records) {

	}

	/** What an erasure did, by kind of record; kept in the session for the page that follows, hence serializable. */
	public record Erased(List<String> asked, Map<String, Integer> erased, Map<String, Integer> kept) implements Serializable {

	}

	@Transactional
	public Export export(CurrentUser user, Subject subject) {
		Checked checked = check(user, subject);
		List<HeldRecord> records = new ArrayList<>();
		holders.forEach(holder -> records.addAll(holder.find(checked.hashes(), checked.scope())));
		events.publishEvent(requested("PERSONAL_DATA_EXPORTED", user, checked, records.size(), 0));
		return new Export(checked.masked(), clock.instant(), user.getUsername(), checked.reason(), records);
	}

	@Transactional
	public Erased erase(CurrentUser user, Subject subject) {
		Checked checked = check(user, subject);
		Map<String, Integer> erased = new LinkedHashMap<>();
		Map<String, Integer> kept = new LinkedHashMap<>();
		for (PersonalDataHolder holder : holders) {
			Erasure done = holder.erase(checked.hashes(), checked.scope());
			done.erased().forEach((kind, count) -> erased.merge(kind, count, Integer::sum));
			done.kept().forEach((kind, count) -> kept.merge(kind, count, Integer::sum));
		}
		events.publishEvent(requested("PERSONAL_DATA_ERASED", user, checked, sum(erased), sum(kept)));
		return new Erased(checked.masked(), erased, kept);
	}

	private record Checked(List<String> hashes, List<String> masked, String reason, DataScope scope) {

	}

	private Checked check(CurrentUser user, Subject subject) {
		if (!user.has(Role.SYSTEM_ADMIN)) {
			throw DomainException.forbidden("error.403.text");
		}
		DataScope scope = user.accountsScope();
		String reason = PlainText.line(subject.reason());
		if (reason == null) {
			throw DomainException.invalid("privacy.error.reason");
		}
		if (reason.length() > REASON_MAX) {
			throw DomainException.invalid("privacy.error.reason-long", REASON_MAX);
		}
		Set<String> hashes = new LinkedHashSet<>();
		List<String> masked = new ArrayList<>();
		if (subject.phone() != null && !subject.phone().isBlank()) {
			String phone = PhoneNumbers.normalize(subject.phone())
				.orElseThrow(() -> DomainException.invalid("privacy.error.phone"));
			hashes.addAll(cipher.lookupHashes(phone));
			masked.add(FieldCipher.maskPhone(phone));
		}
		if (subject.idCard() != null && !subject.idCard().isBlank()) {
			String id = IdCardNumbers.normalize(subject.idCard())
				.orElseThrow(() -> DomainException.invalid("privacy.error.id-card"));
			hashes.addAll(cipher.lookupHashes(id));
			masked.add(IdCardNumbers.mask(id));
		}
		if (hashes.isEmpty()) {
			throw DomainException.invalid("privacy.error.who");
		}
		return new Checked(List.copyOf(hashes), masked, reason, scope);
	}

	private static PersonalDataRequested requested(String kind, CurrentUser user, Checked checked, int records, int kept) {
		return new PersonalDataRequested(kind, String.join(", ", checked.masked()), checked.reason(), records, kept,
				user.unitPath());
	}

	private static int sum(Map<String, Integer> counts) {
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

}
