package org.grassroots.problems;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.grassroots.problems.internal.ProblemRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.units.Unit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Problems collected on another module's record (a leading cadre's visit): raised by the
 * collector's unit at the visited unit, which handles them, and linked to the record. It joins the
 * caller's transaction, so the record and its problems are written together or not at all.
 */
@Service
public class ProblemCollection {

	private final ProblemCommandSupport support;

	private final ProblemRepository problems;

	private final Clock clock;

	private final InputCheck input;

	ProblemCollection(ProblemCommandSupport support, ProblemRepository problems, Clock clock, InputCheck input) {
		this.support = support;
		this.problems = problems;
		this.clock = clock;
		this.input = input;
	}

	/**
	 * One problem as the collector wrote it down.
	 *
	 * @param solvedOnSpot whether it was solved there and then (no when left out); {@code measures} then
	 * says what was done
	 */
	public record Collected(@NotBlank @Size(max = 200) String title, @NotBlank String categoryCode,
			@NotBlank @Size(max = ProblemCommands.MAX_DESCRIPTION) String description, @Nullable Boolean solvedOnSpot,
			@Nullable @Size(max = 4000) String measures) {

		public Collected {
			solvedOnSpot = Boolean.TRUE.equals(solvedOnSpot);
		}

	}

	/** Checks the problems before anything is written, so that a bad row refuses the whole record. */
	public void check(List<@Valid Collected> collected) {
		for (int i = 0; i < collected.size(); i++) {
			Collected item = input.check(collected.get(i));
			support.category(item.categoryCode());
			if (item.solvedOnSpot() && (item.measures() == null || item.measures().isBlank())) {
				throw DomainException.invalid("problems.error.on-spot-measures", i + 1);
			}
		}
	}

	/**
	 * Registers one collected problem at the visited unit. An ordinary one starts {@code REPORTED}
	 * with the visited unit handling it, so it lands in that unit's work queue. One solved on the
	 * spot starts rectified and {@code SUBMITTED}, what was done as its measures, waiting for the two
	 * sides to recognize it: the collector's unit (raising) and the visited unit (responsible).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Problem collect(Collected given, ProblemOrigin origin, Unit visited, CurrentUser user) {
		Collected item = input.check(given);
		input.check(origin);
		if (!user.isStaff() || !user.scope().covers(visited.path())) {
			throw DomainException.forbidden("error.403.text");
		}
		Category category = support.category(item.categoryCode());
		Unit raising = support.unit(user.unitId());
		Instant now = clock.instant();
		Map<String, @Nullable Object> row = support.newRow(raising, visited, visited, ProblemSource.VISIT, category, now);
		row.put("title", item.title().trim());
		row.put("description", item.description().trim());
		row.put("urgency", Urgency.GENERAL.name());
		row.put("problem_type", ProblemType.IMMEDIATE.name());
		row.put("origin_kind", origin.kind());
		row.put("origin_id", origin.id());
		row.put("origin_label", origin.label());
		if (item.solvedOnSpot()) {
			solvedOnSpot(row, item, raising, visited, category, now);
		}
		Problem inserted = support.insert(row, raising, visited);
		long id = inserted.id();
		problems.insertEvent(id, ProblemAction.REPORT, null, ProblemState.REPORTED, user.displayName(), raising, null, true,
				now);
		if (item.solvedOnSpot()) {
			// the timeline tells the steps the cadre took there and then: the fix, then its hand-in
			problems.insertEvent(id, ProblemAction.START, ProblemState.REPORTED, ProblemState.RECTIFYING, user.displayName(),
					raising, item.measures().trim(), true, now);
			problems.insertEvent(id, ProblemAction.SUBMIT, ProblemState.RECTIFYING, ProblemState.SUBMITTED,
					user.displayName(), raising, "ON_SPOT", true, now);
		}
		Problem created = support.reported(inserted, null);
		if (item.solvedOnSpot()) {
			support.notice("SUBMITTED", created, sides(created), String.valueOf(created.version()));
		}
		else {
			support.notice("REPORTED", created, List.of(created.handlingUnitPath()), "");
		}
		return created;
	}

	/** Rectified and submitted at once, the visited unit responsible; both sides must still recognize it. */
	private static void solvedOnSpot(Map<String, @Nullable Object> row, Collected item, Unit raising, Unit visited,
			Category category, Instant now) {
		row.put("state", ProblemState.SUBMITTED.name());
		row.put("measures", item.measures().trim());
		row.put("first_action_at", now);
		row.put("deadline", now.plus(Duration.ofHours(category.generalHours())));
		row.put("responsible_unit_id", visited.id());
		row.put("responsible_unit_path", visited.path());
		row.put("assigned_by_unit_id", raising.id());
		row.put("assigned_by_unit_path", raising.path());
		row.put("raising_side_unit_id", raising.id());
		row.put("raising_side_path", raising.path());
		row.put("responsible_side_unit_id", visited.id());
		row.put("responsible_side_path", visited.path());
	}

	private static List<String> sides(Problem problem) {
		return problem.raisingSidePath().equals(problem.responsibleSidePath()) ? List.of(problem.raisingSidePath())
				: List.of(problem.raisingSidePath(), problem.responsibleSidePath());
	}

}
