package org.grassroots.cases;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands on mechanisms, as pages and the API send them. */
public final class MechanismCommands {

	private MechanismCommands() {
	}

	/**
	 * A mechanism adopted by the person's unit, or its changes (with the version the person saw).
	 *
	 * @param problemLedgerNos problems that prompted it, each within the adopter's scope
	 * @param caseIds typical cases that prompted it, each one the adopter may read
	 */
	public record Adopt(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 500) String appliesTo,
			@NotNull LocalDate adoptedOn, @Nullable @Size(max = 20000) String body,
			@Nullable @Size(max = 50) List<String> problemLedgerNos, @Nullable @Size(max = 50) List<Long> caseIds) {

	}

	public record Edit(int version, @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 500) String appliesTo,
			@NotNull LocalDate adoptedOn, @Nullable @Size(max = 20000) String body,
			@Nullable @Size(max = 50) List<String> problemLedgerNos, @Nullable @Size(max = 50) List<Long> caseIds) {

	}

}
