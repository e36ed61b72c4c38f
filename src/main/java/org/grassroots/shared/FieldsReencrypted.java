package org.grassroots.shared;

import org.jspecify.annotations.Nullable;

/**
 * A pass of {@link FieldRekeyer} rewrote personal data under the current algorithms and key.
 *
 * @param algorithms {@code standard} or {@code national}
 * @param keyId the id of the key written with (a hash of it)
 * @param rewritten the values rewritten in this pass
 * @param left the values still under an earlier algorithm or key afterwards
 */
public record FieldsReencrypted(String algorithms, String keyId, long rewritten, long left) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "FIELDS_REENCRYPTED";
	}

	@Override
	public String subjectType() {
		return "FIELD_KEY";
	}

	@Override
	public String subjectId() {
		return keyId;
	}

	@Override
	public @Nullable String unitPath() {
		return null;
	}

	@Override
	public Object after() {
		return this;
	}

	@Override
	public String actorName() {
		return "system";
	}

}
