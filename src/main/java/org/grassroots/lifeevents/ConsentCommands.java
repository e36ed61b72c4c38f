package org.grassroots.lifeevents;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands of owners' consents, as the pages and the API send them. */
public final class ConsentCommands {

	private ConsentCommands() {
	}

	/**
	 * An owner as the office registers them.
	 *
	 * @param floorArea exclusive floor area in square metres, two decimals at most
	 * @param affected the work takes part of this owner's own space
	 */
	public record Owner(@NotBlank @Size(max = 100) String ownerName, @NotBlank @Size(max = 40) String flat,
			@NotNull @DecimalMin(value = "0.01") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal floorArea,
			boolean affected, @Nullable @Size(max = 40) String phone) {

	}

	/** An owner's changed details, from the version the office saw. */
	public record EditOwner(int version, @NotBlank @Size(max = 100) String ownerName, @NotBlank @Size(max = 40) String flat,
			@NotNull @DecimalMin(value = "0.01") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal floorArea,
			boolean affected, @Nullable @Size(max = 40) String phone) {

	}

	/** A step that needs only the version seen: of the consent, or of the owner for owner steps. */
	public record Step(int version) {

	}

	/** A paper vote the office records for an owner, from the owner's version. */
	public record RecordVote(int version, @NotNull Vote vote, @NotBlank @Size(max = 500) String note) {

	}

	/** An objection: who, how to reach them, and what they object to. */
	public record Objection(@NotBlank @Size(max = 100) String objector, @Nullable @Size(max = 40) String contact,
			@NotBlank @Size(max = 2000) String objection) {

	}

	/**
	 * The office's decision after a notice with objections: confirm, saying how the objections
	 * were handled, or refuse, saying why.
	 */
	public record Decide(int version, boolean confirm, @NotBlank @Size(max = 2000) String note) {

	}

}
