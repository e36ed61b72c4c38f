package org.grassroots.lifeevents;

/** The department unit that handles one kind of task in one district. */
public record DepartmentMapping(long districtId, DepartmentKind kind, long departmentId, String departmentPath,
		int version) {

}
