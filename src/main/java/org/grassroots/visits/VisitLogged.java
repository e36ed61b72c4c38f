package org.grassroots.visits;

import java.util.List;

import org.grassroots.shared.AuditableEvent;

/** A leading cadre logged a visit, with the ledger numbers of the problems collected on it. */
public record VisitLogged(Visit visit, List<String> problemLedgerNos) implements AuditableEvent {

	@Override
	public String auditKind() {
		return "VISIT_LOGGED";
	}

	@Override
	public String subjectType() {
		return "VISIT";
	}

	@Override
	public String subjectId() {
		return String.valueOf(visit.id());
	}

	@Override
	public String unitPath() {
		return visit.unitPath();
	}

	@Override
	public Object after() {
		return visit;
	}

}
