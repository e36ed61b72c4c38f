package org.grassroots.problems;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.grassroots.shared.PhoneNumbers;
import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands on problems, as records checked inside the module whatever door they came through. */
public final class ProblemCommands {

	public static final int MAX_DESCRIPTION = 4000;

	private ProblemCommands() {
	}

	/** Staff register a problem with the five clarities they know at intake. */
	public record Register(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = MAX_DESCRIPTION) String description,
			@NotNull ProblemSource source, @NotBlank String categoryCode, @Nullable Urgency urgency,
			@Nullable ProblemType type, @Nullable Long raisingUnitId, @Nullable Long locationUnitId,
			@Nullable @Size(max = 300) String address, @Nullable @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
			@Nullable @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
			@Nullable @Size(max = 1000) String standard, @Nullable @Size(max = 4000) String measures,
			@Nullable @Valid List<NewMilestone> milestones) {

		public ProblemType typeOrDefault() {
			return type == null ? ProblemType.IMMEDIATE : type;
		}

	}

	/** A stage of a long-term problem. */
	public record NewMilestone(@NotBlank @Size(max = 200) String title, @NotNull Instant deadline) {

	}

	/**
	 * A resident's report from the public page, the JSON API or Open311, with a phone number or
	 * anonymous. The description may be left out. {@link IntakeRules} bounds the phone, the
	 * attributes and the media URLs whatever the door.
	 */
	public record ResidentReport(@Nullable Long locationUnitId, @NotBlank String categoryCode,
			@NotBlank @Size(max = 200) String title, @Nullable @Size(max = MAX_DESCRIPTION) String description,
			@Nullable @Size(max = 300) String address, @Nullable @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
			@Nullable @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
			@Nullable @Size(max = PhoneNumbers.MAX_INPUT) String phone, @Nullable Boolean discloseIdentity,
			@Nullable Long duplicateOf, @Nullable Map<String, List<String>> attributes, @Nullable List<String> mediaUrls) {

		/** A report from the page: no service attributes, no media URLs. */
		public ResidentReport(@Nullable Long locationUnitId, String categoryCode, String title, @Nullable String description,
				@Nullable String address, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude,
				@Nullable String phone, @Nullable Boolean discloseIdentity, @Nullable Long duplicateOf) {
			this(locationUnitId, categoryCode, title, description, address, latitude, longitude, phone, discloseIdentity,
					duplicateOf, null, null);
		}

		public boolean disclose() {
			return Boolean.TRUE.equals(discloseIdentity);
		}

		/** The same report at a unit found for it (by its coordinates). */
		public ResidentReport atUnit(long unitId) {
			return new ResidentReport(unitId, categoryCode, title, description, address, latitude, longitude, phone,
					discloseIdentity, duplicateOf, attributes, mediaUrls);
		}

	}

	/** Accept, decline (with reason), note progress, recognize or return (with reason). */
	public record Decide(int version, @Nullable @Size(max = 1000) String note) {

	}

	public record Assign(int version, @NotNull Long unitId, @Nullable @Size(max = 100) String person,
			@Nullable Instant deadline, @Nullable @Size(max = 1000) String standard) {

	}

	public record Delegate(int version, @NotNull Long unitId, @Nullable @Size(max = 1000) String note) {

	}

	/** Up to the given upper unit, or the parent of the unit holding the problem. */
	public record Escalate(int version, @Nullable Long unitId, @NotBlank @Size(max = 1000) String reason) {

	}

	public record Split(int version, @NotEmpty @Size(max = 50) List<Long> unitIds, @Nullable Instant deadline,
			@Nullable @Size(max = 1000) String note) {

	}

	/**
	 * The rectification plan: measures and the standard it will be judged by.
	 *
	 * @param measuresPublic whether the resident's tracking page shows the measures (internal unless set)
	 */
	public record Plan(int version, @NotBlank @Size(max = 4000) String measures, @Nullable @Size(max = 1000) String standard,
			@Nullable Boolean measuresPublic) {

		public Plan(int version, String measures, @Nullable String standard) {
			this(version, measures, standard, null);
		}

		public boolean isPublic() {
			return Boolean.TRUE.equals(measuresPublic);
		}

	}

	/**
	 * A note on the progress.
	 *
	 * @param notePublic whether the resident's tracking page shows it (internal unless set)
	 */
	public record Note(int version, @NotBlank @Size(max = 1000) String note, @Nullable Boolean notePublic) {

		public boolean isPublic() {
			return Boolean.TRUE.equals(notePublic);
		}

	}

	/**
	 * The rectification handed in.
	 *
	 * @param filesPublic whether the resident's tracking page shows the evidence files sent with it; the
	 * evidence text stays internal
	 */
	public record Submit(int version, @NotBlank @Size(max = 4000) String evidence, @Nullable Boolean filesPublic) {

		public Submit(int version, String evidence) {
			this(version, evidence, null);
		}

		public boolean isPublic() {
			return Boolean.TRUE.equals(filesPublic);
		}

	}

	/** Shows an attached file on the resident's tracking page, or withdraws it. */
	public record PublishFile(@NotNull Boolean filePublic) {

	}

	public record Supervise(int version, @NotBlank @Size(max = 1000) String reason) {

	}

	/** Shows the problem's title to the public, or withdraws it. */
	public record Publish(int version, @NotNull Boolean titlePublic) {

	}

	public record Summon(@NotEmpty @Size(max = 20) List<Long> departmentUnitIds, @NotBlank @Size(max = 1000) String reason,
			@Nullable Boolean emergency) {

		public boolean isEmergency() {
			return Boolean.TRUE.equals(emergency);
		}

	}

	public record ReportIn(@NotBlank @Size(max = 100) String person) {

	}

	public record ActOnSummons(@NotBlank @Size(max = 1000) String note) {

	}

	public record Evaluate(@NotNull Rating rating, @Nullable @Size(max = 1000) String comment) {

	}

	/** The upper unit's decision on a dissatisfied evaluation: reopen the problem or uphold the closure. */
	public record Review(int version, @NotNull Boolean reopen, @NotBlank @Size(max = 1000) String note) {

	}

}
