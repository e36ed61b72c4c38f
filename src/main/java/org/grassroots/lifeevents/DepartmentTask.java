package org.grassroots.lifeevents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One department's part of an application (部门办件), with what it needs copied from the catalogue
 * version the application was filed under.
 *
 * @param startedOn the day it became PENDING; its deadline counts from there in working days
 */
public record DepartmentTask(long id, long applicationId, int position, String code, String nameZh, String nameEn,
		DepartmentKind departmentKind, long departmentId, String departmentPath, int timeLimitDays, List<String> waitsFor,
		boolean afterConsent, TaskState state, @Nullable LocalDate startedOn, @Nullable LocalDate deadline,
		boolean overdue, @Nullable String resultNote, @Nullable RejectCategory rejectCategory,
		@Nullable String rejectReason, @Nullable String actedBy, @Nullable Instant finishedAt, int version) {

	public DepartmentTask {
		waitsFor = List.copyOf(waitsFor);
	}

	public String name(String language) {
		return "en".equals(language) ? nameEn : nameZh;
	}

}
