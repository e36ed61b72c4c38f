package org.grassroots.plans;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands of research plans and work measures, as pages and the API send them. */
public final class PlanCommands {

	private PlanCommands() {
	}

	/**
	 * A new plan.
	 *
	 * @param ownerUnitId the district or street office writing it; the writer's own unit when none
	 * @param coveredUnitIds units of the owner's subtree; the owner's whole subtree when none
	 */
	public record NewPlan(@NotBlank @Size(max = 200) String title, @Nullable @Size(max = 4000) String topics,
			@NotEmpty @Size(max = 10) List<String> categoryCodes, @Nullable Long ownerUnitId,
			@Nullable @Size(max = 200) List<Long> coveredUnitIds, @NotNull LocalDate periodStart,
			@NotNull LocalDate periodEnd) {

	}

	/** A plan's new text, categories, units and period; the owner stays. */
	public record EditPlan(@NotBlank @Size(max = 200) String title, @Nullable @Size(max = 4000) String topics,
			@NotEmpty @Size(max = 10) List<String> categoryCodes, @Nullable @Size(max = 200) List<Long> coveredUnitIds,
			@NotNull LocalDate periodStart, @NotNull LocalDate periodEnd, int version) {

	}

	/**
	 * A new measure of a plan.
	 *
	 * @param ownerUnitId a unit of the plan's owner's subtree; the plan's owner when none
	 * @param targetAmount with {@code targetUnit}, or neither
	 * @param advanceOnClose no when left out
	 */
	public record NewMeasure(@NotBlank @Size(max = 200) String title, @NotBlank String categoryCode,
			@Nullable Long ownerUnitId, @NotBlank @Size(max = 100) String ownerPerson, @NotNull LocalDate startDate,
			@NotNull LocalDate deadline, @Nullable @Min(1) @Max(100_000_000) Integer targetAmount,
			@Nullable @Size(max = 20) String targetUnit, @Nullable Boolean advanceOnClose,
			@Nullable @Valid @Size(max = 50) List<NewMilestone> milestones) {

		/** Closing linked problems advances the measure only when asked for. */
		public NewMeasure {
			advanceOnClose = Boolean.TRUE.equals(advanceOnClose);
		}

	}

	/**
	 * A measure's new definition; its plan, category and owner unit stay.
	 *
	 * @param targetAmount with {@code targetUnit}, or neither
	 */
	public record EditMeasure(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String ownerPerson,
			@NotNull LocalDate startDate, @NotNull LocalDate deadline,
			@Nullable @Min(1) @Max(100_000_000) Integer targetAmount, @Nullable @Size(max = 20) String targetUnit,
			boolean advanceOnClose, int version) {

	}

	public record NewMilestone(@NotBlank @Size(max = 200) String title, @NotNull LocalDate dueOn) {

	}

	/**
	 * A progress report: the amount achieved so far, or the amount added since the last report
	 * (exactly one of them), with a note.
	 */
	public record ReportProgress(@Nullable @Min(0) @Max(100_000_000) Integer achieved,
			@Nullable @Min(1) @Max(100_000_000) Integer added, @Nullable @Size(max = 2000) String note, int version) {

	}

	/** The owner marks the measure done; it needs evidence, sent now or with an earlier report. */
	public record Complete(@Nullable @Size(max = 2000) String note, int version) {

	}

	/** Links a problem by its ledger number (台账编号). */
	public record LinkProblem(@NotBlank @Size(max = 32) String ledgerNo, int version) {

	}

	/** A command that needs only the measure's version. */
	public record Versioned(int version) {

	}

}
