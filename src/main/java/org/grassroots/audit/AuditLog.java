package org.grassroots.audit;

import java.util.List;

import org.grassroots.audit.internal.AuditReader;
import org.grassroots.audit.internal.AuditSealer;
import org.grassroots.shared.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit log within a viewer's scope, and verifying its hash chain. */
@Service
public class AuditLog {

	private final AuditReader reader;

	private final AuditSealer sealer;

	AuditLog(AuditReader reader, AuditSealer sealer) {
		this.reader = reader;
		this.sealer = sealer;
	}

	/**
	 * Entries about units in the viewer's scope, newest first, 50 a page; entries about no unit
	 * (system events, sign-ins with unknown names) only for the whole city's scope.
	 */
	@Transactional(readOnly = true)
	public List<AuditEntry> search(AuditQuery query, CurrentUser viewer) {
		return reader.search(query, viewer.auditScope());
	}

	/** Seals what is pending first, so every record committed before the call is checked. */
	public ChainVerification verify() {
		sealer.sealPending();
		return reader.verify();
	}

}
