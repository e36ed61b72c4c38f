package org.grassroots.plans;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A work measure (工作举措) of a research plan: what is done, by which unit and person, by when,
 * and how far it has come against its target.
 *
 * @param ownerUnitPath the materialized path of the owner unit; the measure's figures count there
 * @param districtPath the path of the owner unit's district, by which measures are compared
 * @param targetAmount with {@code targetUnit} the measurable target (e.g. 20 部), or neither
 * @param advanceOnClose closing a linked problem advances the progress by 1
 * @param doneOn the day (Asia/Shanghai) it was done, compared with the deadline
 */
public record WorkMeasure(long id, long planId, String title, String categoryCode, long ownerUnitId,
		String ownerUnitPath, String districtPath, String ownerPerson, LocalDate startDate, LocalDate deadline,
		@Nullable Integer targetAmount, @Nullable String targetUnit, int progress, boolean advanceOnClose,
		MeasureStatus status, @Nullable Instant doneAt, @Nullable LocalDate doneOn, Instant createdAt, Instant updatedAt,
		int version) {

	/** Progress against the target in percent, at most 100; without a target 100 when done, else 0. */
	@com.fasterxml.jackson.annotation.JsonProperty("percent")
	public double percent() {
		if (targetAmount == null || targetAmount <= 0) {
			return status.isDone() ? 100 : 0;
		}
		return Math.min(100.0, Math.round(progress * 1000.0 / targetAmount) / 10.0);
	}

	@com.fasterxml.jackson.annotation.JsonProperty("timeliness")
	public Timeliness timeliness() {
		if (status.isDone()) {
			return doneOn != null && doneOn.isAfter(deadline) ? Timeliness.LATE : Timeliness.ON_TIME;
		}
		return status == MeasureStatus.OVERDUE ? Timeliness.OVERDUE : Timeliness.ON_TRACK;
	}

	/** The same measure with another progress and status; the version stays until the row is written. */
	public WorkMeasure with(int newProgress, MeasureStatus newStatus, @Nullable Instant newDoneAt, @Nullable LocalDate newDoneOn) {
		return new WorkMeasure(id, planId, title, categoryCode, ownerUnitId, ownerUnitPath, districtPath, ownerPerson,
				startDate, deadline, targetAmount, targetUnit, newProgress, advanceOnClose, newStatus, newDoneAt, newDoneOn,
				createdAt, updatedAt, version);
	}

}
