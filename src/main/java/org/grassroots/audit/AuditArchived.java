package org.grassroots.audit;

import org.grassroots.shared.AuditableEvent;
import org.jspecify.annotations.Nullable;

/** Sealed batches older than the retention were written to an archive file and removed from the database. */
public record AuditArchived(AuditArchive archive) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "AUDIT_ARCHIVED";
	}

	@Override
	public String subjectType() {
		return "AUDIT_ARCHIVE";
	}

	@Override
	public String subjectId() {
		return archive.fileName();
	}

	@Override
	public @Nullable String unitPath() {
		return null;
	}

	@Override
	public Object after() {
		return archive;
	}

}
