package org.grassroots.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.grassroots.dashboard.Figures;
import org.grassroots.dashboard.Measure;
import org.grassroots.dashboard.Weights;
import org.grassroots.problems.ProblemFact;
import org.grassroots.problems.ProblemState;
import org.grassroots.problems.Rating;
import org.junit.jupiter.api.Test;

/** The definitions of docs/dashboard.md, one problem at a time. */
class FactTests {

	static final String STREET = "/500000/500108/500108002/";

	static final Instant RECEIVED = Instant.parse("2026-03-31T17:00:00Z"); // 1 April, 01:00 in Shanghai

	static ProblemFact problem(ProblemState state) {
		return new ProblemFact(1, "PARKING", state, STREET, false, false, RECEIVED, RECEIVED.plusSeconds(86_400),
				RECEIVED.plusSeconds(3_600), RECEIVED.plusSeconds(7 * 86_400), null, false, false, 0, null, false, List.of());
	}

	static ProblemFact closed(Instant closedAt, Rating rating) {
		ProblemFact open = problem(ProblemState.CLOSED);
		return new ProblemFact(1, "PARKING", ProblemState.CLOSED, STREET, false, false, RECEIVED, open.responseDue(),
				open.firstActionAt(), open.deadline(), closedAt, true, false, 2, rating, true, List.of());
	}

	static List<Measure> measures(Fact fact, int month) {
		return fact.contributions().stream().filter(c -> c.month() == month).map(Fact.Contribution::measure).toList();
	}

	@Test
	void aProblemCountsInTheMonthItWasReceivedInShanghai() {
		Fact fact = Fact.of(problem(ProblemState.ACCEPTED));
		assertThat(fact.receivedMonth()).isEqualTo(202604);
		assertThat(measures(fact, 202604)).containsExactly(Measure.RECEIVED, Measure.RESPONDED);
		assertThat(measures(fact, Fact.NOW)).containsExactly(Measure.OPEN);
	}

	@Test
	void aFirstActionAfterTheResponseLimitIsNotAResponse() {
		ProblemFact p = problem(ProblemState.ACCEPTED);
		ProblemFact late = new ProblemFact(1, "PARKING", p.state(), STREET, false, false, RECEIVED, p.responseDue(),
				p.responseDue().plusSeconds(1), p.deadline(), null, false, false, 0, null, false, List.of());
		assertThat(measures(Fact.of(late), 202604)).containsExactly(Measure.RECEIVED);
		ProblemFact none = new ProblemFact(1, "PARKING", ProblemState.REPORTED, STREET, false, false, RECEIVED,
				p.responseDue(), null, null, null, true, true, 0, null, false, List.of());
		assertThat(measures(Fact.of(none), Fact.NOW)).containsExactly(Measure.OPEN, Measure.OVERDUE, Measure.SUPERVISED);
	}

	@Test
	void closureCountsInItsOwnMonthAndTheOverdueFlagOfAClosedProblemIsNotCounted() {
		Fact fact = Fact.of(closed(Instant.parse("2026-05-02T00:00:00Z"), Rating.BASICALLY_SATISFIED));
		assertThat(measures(fact, 202604)).containsExactly(Measure.RECEIVED, Measure.RESPONDED, Measure.RETURNED,
				Measure.REOPENED);
		assertThat(fact.contributions().stream().filter(c -> c.measure() == Measure.RETURNED).findFirst().orElseThrow()
			.amount()).isEqualTo(2);
		// closed after the deadline: not on time; basically satisfied counts as satisfied and resolved
		assertThat(measures(fact, 202605)).containsExactly(Measure.CLOSED, Measure.RESOLVED, Measure.RATED,
				Measure.SATISFIED);
		assertThat(measures(fact, Fact.NOW)).isEmpty();
	}

	@Test
	void aDissatisfiedRatingIsNeitherResolvedNorSatisfied() {
		Fact fact = Fact.of(closed(RECEIVED.plusSeconds(86_400), Rating.DISSATISFIED));
		assertThat(measures(fact, 202604)).contains(Measure.CLOSED, Measure.CLOSED_ON_TIME, Measure.RATED)
			.doesNotContain(Measure.RESOLVED, Measure.SATISFIED);
	}

	@Test
	void duplicatesAndSplitParentsAddNothingButSummonsesOfParents() {
		ProblemFact p = problem(ProblemState.RECTIFYING);
		var summoned = List.of(new ProblemFact.SummonedDepartment("/500000/500108/500108-D01/", RECEIVED,
				RECEIVED.plusSeconds(1800), RECEIVED.plusSeconds(600)));
		ProblemFact parent = new ProblemFact(1, "PARKING", p.state(), STREET, true, false, RECEIVED, p.responseDue(),
				p.firstActionAt(), p.deadline(), null, false, false, 0, null, false, summoned);
		assertThat(Fact.of(parent).contributions()).extracting(Fact.Contribution::measure)
			.containsExactly(Measure.SUMMONED, Measure.REPORTED_IN);
		assertThat(Fact.of(parent).contributions().get(0).unitPath()).isEqualTo("/500000/500108/500108-D01/");
		ProblemFact duplicate = new ProblemFact(1, "PARKING", ProblemState.DECLINED, STREET, false, true, RECEIVED,
				p.responseDue(), p.firstActionAt(), null, null, false, false, 0, null, false, summoned);
		assertThat(Fact.of(duplicate).contributions()).isEmpty();
	}

	@Test
	void aDeltaRollsUpToEveryAncestorAndToAllCategories() {
		Counters.Delta delta = new Counters.Delta();
		delta.addAll(Fact.of(problem(ProblemState.ACCEPTED)), 1);
		delta.addAll(Fact.of(problem(ProblemState.ACCEPTED)), -1);
		assertThat(delta.isEmpty()).isTrue();
		delta.addAll(Fact.of(problem(ProblemState.ACCEPTED)), 1);
		assertThat(delta.nonZero().keySet()).extracting(Counters.Key::unitPath)
			.containsOnly("/500000/", "/500000/500108/", STREET);
		assertThat(delta.nonZero()).hasSize(3 * 2 * 2); // three levels, two months (April and now), category and '*'
	}

	@Test
	void theScoreIsTheWeightedMeanOfTheRatesThatAreThere() {
		Weights weights = new Weights(30, 35, 35, 0, null, null);
		assertThat(Figures.score(0.8, 1.0, 0.5, weights)).isEqualTo(76.5);
		assertThat(Figures.score(0.8, null, null, weights)).isEqualTo(80.0);
		assertThat(Figures.score(null, null, null, weights)).isNull();
		assertThat(Figures.rate(2, 3)).isEqualTo(0.6667);
		assertThat(Figures.rate(1, 0)).isNull();
	}

}
