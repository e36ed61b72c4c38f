package org.grassroots.audit;

import java.util.List;

import org.grassroots.audit.internal.AuditReader;
import org.grassroots.shared.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit log within a viewer's scope, and verifying its hash chain. */
@Service
public class AuditLog {

	private final AuditReader reader;

	AuditLog(AuditReader reader) {
		this.reader = reader;
	}

	/**
	 * Entries about units in the viewer's scope, newest first, 50 a page; entries about no unit
	 * (system events, sign-ins with unknown names) only for the whole city's scope.
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditQuery query, CurrentUser viewer) {
		return reader.search(query, viewer.scope());
	}

	@Transactional(readOnly = true)
	public ChainVerification verify() {
		return reader.verify();
	}

}
