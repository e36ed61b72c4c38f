package org.grassroots.lifeevents;

import java.time.Instant;

/** A task in a department's work queue with what the officer needs to pick it. */
public record QueueEntry(DepartmentTask task, String reference, String eventNameZh, String eventNameEn,
		String applicantName, Instant filedAt) {

	public String eventName(String language) {
		return "en".equals(language) ? eventNameEn : eventNameZh;
	}

}
