package org.grassroots.lifeevents;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands on applications and department tasks, as pages and the API send them. */
public final class LifeEventCommands {

	private LifeEventCommands() {
	}

	/**
	 * A resident's one application.
	 *
	 * @param communityId the community it concerns; none: the applicant's own unit
	 * @param values the form's answers by field key; a value known from earlier applications may be left out
	 */
	public record Apply(@NotBlank String eventCode, @Nullable Long communityId, @Nullable Map<String, String> values) {

		public Apply {
			values = values == null ? Map.of() : Map.copyOf(values);
		}

	}

	/** Why the officer needs the personal values in full, kept in the audit record of the view (PIPL). */
	public record ViewInFull(@NotBlank @Size(max = 500) String reason) {

	}

	/** A step that needs only the version the person saw: accept. */
	public record Step(int version) {

	}

	/** @param result the outcome, e.g. the certificate's number */
	public record Complete(int version, @NotBlank @Size(max = 2000) String result) {

	}

	public record Reject(int version, @NotNull RejectCategory category, @NotBlank @Size(max = 2000) String reason) {

	}

	/** Everything that is missing, in one request. */
	public record RequestMaterial(int version, @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> items) {

	}

	/**
	 * The resident's answer to every item of the open request at once (text and/or a file per item).
	 *
	 * @param version the task's version
	 * @param answers the text per item, in the request's order
	 */
	public record Answer(int version, @Nullable List<@Nullable @Size(max = 2000) String> answers) {

		public Answer {
			answers = answers == null ? List.of() : new java.util.ArrayList<>(answers);
		}

	}

	public record Rate(int version, @NotNull Rating rating, @Nullable @Size(max = 1000) String comment) {

	}

	public record MapDepartment(int version, @NotNull DepartmentKind kind, long departmentId) {

	}

}
