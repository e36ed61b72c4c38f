package org.grassroots.cases;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands on typical cases, as pages and the API send them. */
public final class CaseCommands {

	private CaseCommands() {
	}

	/**
	 * A new case from a source.
	 *
	 * @param categoryCode none: the problem's category
	 * @param reach none: the writing unit's subtree
	 */
	public record Write(@NotNull CaseSource sourceKind, long sourceId, @NotBlank @Size(max = 200) String title,
			@Nullable String categoryCode, @NotBlank @Size(max = 8000) String background,
			@NotBlank @Size(max = 8000) String actions, @NotBlank @Size(max = 8000) String result,
			@Nullable @Size(max = 8000) String lessons, @Nullable CaseReach reach) {

	}

	/** The writer's changes to a draft or a returned case. */
	public record Edit(int version, @NotBlank @Size(max = 200) String title, @Nullable String categoryCode,
			@NotBlank @Size(max = 8000) String background, @NotBlank @Size(max = 8000) String actions,
			@NotBlank @Size(max = 8000) String result, @Nullable @Size(max = 8000) String lessons,
			@Nullable CaseReach reach) {

	}

	/** A step that needs only the version the person saw: submit, withdraw. */
	public record Step(int version) {

	}

	/** @param reach none: the reach the writer asked for */
	public record Approve(int version, @Nullable CaseReach reach) {

	}

	public record Return(int version, @NotBlank @Size(max = 2000) String reason) {

	}

	public record ChangeReach(int version, @NotNull CaseReach reach) {

	}

}
