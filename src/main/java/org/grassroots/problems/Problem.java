package org.grassroots.problems;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A problem as pages, the API and exports see it. The reporter's phone appears only masked, and
 * only when the resident agreed to show their identity.
 *
 * @param description none when a resident (through Open311 or the API) gave none
 * @param handlingUnitId the unit that receives and dispatches it now
 * @param assignedByUnitId the unit that passed it down to the responsible unit: the raising side
 * @param raisingSideUnitId who recognizes for the raising side once it is submitted
 * @param responsibleSideUnitId who recognizes for the responsible side once it is submitted
 * @param titlePublic whether the public may see its title: residents' reports start so, staff decide
 */
public record Problem(long id, String ledgerNo, @Nullable Long parentId, @Nullable Long duplicateOf, String title,
		@Nullable String description, ProblemSource source, String categoryCode, Urgency urgency, ProblemType type,
		ProblemState state, String districtCode, long raisingUnitId, String raisingUnitPath, long handlingUnitId,
		String handlingUnitPath, @Nullable Long locationUnitId, @Nullable Long responsibleUnitId,
		@Nullable String responsibleUnitPath, @Nullable String responsiblePerson, @Nullable Long assignedByUnitId,
		@Nullable String standard, @Nullable String measures, @Nullable String declineReason, @Nullable String address,
		@Nullable BigDecimal latitude, @Nullable BigDecimal longitude, @Nullable String reporterPhoneMasked,
		boolean residentReport, @Nullable Instant responseDue, @Nullable Instant firstActionAt,
		@Nullable Instant deadline, @Nullable Long raisingSideUnitId, @Nullable String raisingSidePath,
		@Nullable Long responsibleSideUnitId, @Nullable String responsibleSidePath,
		@Nullable String raisingRecognizedBy, @Nullable Instant raisingRecognizedAt,
		@Nullable String responsibleRecognizedBy, @Nullable Instant responsibleRecognizedAt, boolean overdue,
		boolean supervised, int priority, int returnCount, int reportCount, @Nullable Rating evaluation,
		@Nullable String evaluationComment, @Nullable Instant evaluatedAt, @Nullable String reviewState,
		Instant createdAt, Instant updatedAt, @Nullable Instant closedAt, int version,
		boolean titlePublic) {

	/** The unit working on it now: the responsible unit once assigned, else the handling unit. */
	public long holderUnitId() {
		return responsibleUnitId != null ? responsibleUnitId : handlingUnitId;
	}

	public String holderUnitPath() {
		return responsibleUnitPath != null ? responsibleUnitPath : handlingUnitPath;
	}

	public boolean reviewOpen() {
		return "OPEN".equals(reviewState);
	}

}
