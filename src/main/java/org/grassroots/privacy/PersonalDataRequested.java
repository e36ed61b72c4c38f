package org.grassroots.privacy;

import org.grassroots.shared.AuditableEvent;

/**
 * A person's request about their personal data was handled: exported or erased. The numbers asked
 * for are kept masked, never in full.
 *
 * @param kind {@code PERSONAL_DATA_EXPORTED} or {@code PERSONAL_DATA_ERASED}
 * @param asked the phone and ID card numbers asked for, masked
 * @param reason why the administrator acted
 * @param records the records exported, or the records erased from
 * @param kept the records kept because a retention duty applies
 * @param unitPath the administrator's unit
 */
public record PersonalDataRequested(String kind, String asked, String reason, int records, int kept, String unitPath)
		implements AuditableEvent {

	@Override
	public String auditKind() {
		return kind;
	}

	@Override
	public String subjectType() {
		return "PERSONAL_DATA";
	}

	@Override
	public String subjectId() {
		return asked;
	}

	@Override
	public Object after() {
		return this;
	}

}
