package org.grassroots.lifeevents.web;

import org.grassroots.lifeevents.internal.DepartmentRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.web.PageModelAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the navigation needs to know of one-thing work: whether the signed-in person works in a
 * department that handles one-thing tasks, whose work is its queue, not the community's elevator votes.
 */
@PageModelAdvice
class LifeEventNavigation {

	private final DepartmentRepository departments;

	LifeEventNavigation(DepartmentRepository departments) {
		this.departments = departments;
	}

	@ModelAttribute("departmentOfficer")
	boolean departmentOfficer() {
		CurrentUser user = CurrentUser.current();
		return user != null && user.isStaff() && departments.isDepartment(user.unitId());
	}

}
