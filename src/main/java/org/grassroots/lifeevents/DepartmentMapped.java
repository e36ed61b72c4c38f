package org.grassroots.lifeevents;

import org.grassroots.shared.AuditableEvent;

/** A district's responsible department of a kind was set; recorded under the district. */
public record DepartmentMapped(DepartmentKind kind, long districtId, long departmentId, String unitPath)
		implements AuditableEvent {

	@Override
	public String auditKind() {
		return "LE_DEPARTMENT_MAPPED";
	}

	@Override
	public String subjectType() {
		return "LE_DEPARTMENT";
	}

	@Override
	public String subjectId() {
		return districtId + ":" + kind.name();
	}

}
