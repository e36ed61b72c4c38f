package org.grassroots.visits;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.grassroots.problems.ProblemCollection;
import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The commands of the visits module, as pages and the API send them. */
public final class VisitCommands {

	/** How many problems one visit may collect, and photos it may carry. */
	public static final int MAX_PROBLEMS = 30;

	public static final int MAX_PHOTOS = 9;

	private VisitCommands() {
	}

	/**
	 * A visit as the cadre logs it, with the problems collected on it.
	 *
	 * @param kind one of {@link VisitKind}, as text so that an unknown kind is refused naming it
	 * @param unitCode the visited unit, within the cadre's scope
	 */
	public record NewVisit(@NotBlank String kind, @NotNull LocalDate visitDate, @NotBlank @Size(max = 300) String place,
			@NotBlank String unitCode, @Nullable @Size(max = 2000) String peopleMet,
			@NotBlank @Size(max = 4000) String discussed,
			@Nullable @Size(max = MAX_PROBLEMS) List<ProblemCollection.@Valid Collected> problems) {

		public List<ProblemCollection.Collected> problemsOrNone() {
			return problems == null ? List.of() : problems;
		}

	}

	/** A reception day as the cadre publishes it. */
	public record NewReceptionDay(@NotBlank @Size(max = 100) String cadreTitle, @NotBlank String unitCode,
			@NotBlank @Size(max = 300) String address, @NotNull LocalDate receptionDate, @NotNull LocalTime startsAt,
			@NotNull LocalTime endsAt, @Nullable @Size(max = 1000) String topics) {

	}

	/** Cancelling a reception day, with the version the person saw. */
	public record Cancel(int version, @Nullable @Size(max = 500) String reason) {

	}

}
