package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.lifeevents.Article278.Ballot;
import org.grassroots.lifeevents.Article278.Condition;
import org.junit.jupiter.api.Test;

/** Article 278 at its edges: 以上 includes the threshold, and nothing is rounded. */
class Article278Tests {

	@Test
	void exactlyTwoThirdsByAreaAndHeadcountTakingPartPasses() {
		// given three owners of 100.00 m² each; two take part and agree
		List<Ballot> ballots = List.of(owner("100.00", Vote.AGREE), owner("100.00", Vote.AGREE), owner("100.00", null));

		Article278.Tally tally = Article278.tally(ballots);

		assertThat(tally.participatingArea()).isEqualTo(20000);
		assertThat(tally.totalArea()).isEqualTo(30000);
		assertThat(tally.passes()).as("200 of 300 m² and 2 of 3 owners are exactly two thirds").isTrue();
	}

	@Test
	void onehundredthOfASquareMetreBelowTwoThirdsFails() {
		// 200.00 of 300.01 m² is just below two thirds (it would take 200.01 m²), though two of three owners take part
		List<Ballot> ballots = List.of(owner("100.00", Vote.AGREE), owner("100.00", Vote.AGREE), owner("100.01", null));

		Article278.Tally tally = Article278.tally(ballots);

		assertThat(tally.failed()).containsExactly(Condition.PARTICIPATION_AREA);
		assertThat(tally.passes()).isFalse();
		// and the same building with the 0.01 m² on a participant passes
		assertThat(Article278.tally(List.of(owner("100.01", Vote.AGREE), owner("100.00", Vote.AGREE), owner("100.00", null)))
			.passes()).isTrue();
	}

	@Test
	void exactlyThreeQuartersOfTheParticipatingAreaAndOwnersAgreeingPasses() {
		// four owners of 50 m² take part: three agree, one disagrees
		List<Ballot> ballots = List.of(owner("50.00", Vote.AGREE), owner("50.00", Vote.AGREE), owner("50.00", Vote.AGREE),
				owner("50.00", Vote.DISAGREE));

		Article278.Tally tally = Article278.tally(ballots);

		assertThat(tally.agreeingArea() * 4).isEqualTo(tally.participatingArea() * 3);
		assertThat(tally.passes()).isTrue();
	}

	@Test
	void threeQuartersByAreaButNotByHeadcountFails() {
		// a large flat agreeing carries the area; the owners are two of four, half of them
		List<Ballot> ballots = List.of(owner("300.00", Vote.AGREE), owner("25.00", Vote.AGREE), owner("50.00", Vote.DISAGREE),
				owner("25.00", Vote.DISAGREE));

		Article278.Tally tally = Article278.tally(ballots);

		assertThat(tally.checks()).filteredOn(check -> check.condition() == Condition.AGREEMENT_AREA)
			.singleElement()
			.satisfies(check -> assertThat(check.holds()).as("325 of 400 m²").isTrue());
		assertThat(tally.failed()).containsExactly(Condition.AGREEMENT_OWNERS);
	}

	@Test
	void anAffectedOwnerAgainstFailsEvenWhenEveryoneElseAgrees() {
		List<Ballot> ballots = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			ballots.add(owner("90.00", Vote.AGREE));
		}
		ballots.add(new Ballot(Article278.hundredths(new BigDecimal("45.50")), Vote.DISAGREE, true));

		Article278.Tally tally = Article278.tally(ballots);

		assertThat(tally.failed()).containsExactly(Condition.AFFECTED_OWNERS);
		assertThat(tally.affectedOwners()).isEqualTo(1);
		assertThat(tally.affectedAgreeing()).isZero();
	}

	@Test
	void anAffectedOwnerWhoDoesNotVoteDoesNotConsent() {
		List<Ballot> ballots = List.of(owner("80.00", Vote.AGREE), owner("80.00", Vote.AGREE), owner("80.00", Vote.AGREE),
				new Ballot(8000, null, true));

		assertThat(Article278.tally(ballots).failed()).containsExactly(Condition.AFFECTED_OWNERS);
	}

	@Test
	void abstainingTakesPartWithoutAgreeing() {
		// three of four take part (one abstains): participation holds, agreement is two of three owners
		List<Ballot> ballots = List.of(owner("60.00", Vote.AGREE), owner("60.00", Vote.AGREE), owner("60.00", Vote.ABSTAIN),
				owner("60.00", null));

		Article278.Tally tally = Article278.tally(ballots);

		assertThat(tally.participatingOwners()).isEqualTo(3);
		assertThat(tally.failed()).containsExactly(Condition.AGREEMENT_AREA, Condition.AGREEMENT_OWNERS);
	}

	@Test
	void noOwnersAndNoVotesPassNothing() {
		assertThat(Article278.tally(List.of()).failed()).contains(Condition.PARTICIPATION_AREA, Condition.PARTICIPATION_OWNERS,
				Condition.AGREEMENT_AREA, Condition.AGREEMENT_OWNERS);
		assertThat(Article278.tally(List.of(owner("70.00", null))).passes()).isFalse();
	}

	@Test
	void areasAreHundredthsAndMoreDecimalsAreRefused() {
		assertThat(Article278.hundredths(new BigDecimal("88.5"))).isEqualTo(8850);
		assertThatThrownBy(() -> Article278.hundredths(new BigDecimal("88.505"))).isInstanceOf(ArithmeticException.class);
	}

	private static Ballot owner(String area, Vote vote) {
		return Ballot.of(new BigDecimal(area), vote, false);
	}

}
