package org.grassroots.lifeevents;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The owners' joint decision of Civil Code article 278 for an item (7) matter (rebuilding or
 * altering the building, which installing an elevator is), computed exactly: areas in hundredths
 * of a square metre and owners as whole numbers, each threshold compared by cross-multiplication.
 * "Two thirds or more" and "three quarters or more" (以上) include the threshold itself. One owner
 * row counts as one owner by headcount.
 */
public final class Article278 {

	private Article278() {
	}

	/** The five conditions, in the order the article (and the page) names them. */
	public enum Condition {

		/** Owners taking part hold two thirds or more of the exclusive floor area. */
		PARTICIPATION_AREA(2, 3, true),
		/** Two thirds or more of the owners by headcount take part. */
		PARTICIPATION_OWNERS(2, 3, false),
		/** Owners agreeing hold three quarters or more of the participating area. */
		AGREEMENT_AREA(3, 4, true),
		/** Three quarters or more of the participating owners agree. */
		AGREEMENT_OWNERS(3, 4, false),
		/** Every owner whose own space the work takes agrees. */
		AFFECTED_OWNERS(1, 1, false);

		private final int numerator;

		private final int denominator;

		private final boolean area;

		Condition(int numerator, int denominator, boolean area) {
			this.numerator = numerator;
			this.denominator = denominator;
			this.area = area;
		}

		public int numerator() {
			return numerator;
		}

		public int denominator() {
			return denominator;
		}

		/** Whether its figures are floor areas (hundredths of a square metre) rather than owners. */
		public boolean area() {
			return area;
		}

	}

	/** One owner as the tally needs them: area in hundredths of a square metre, vote if cast. */
	public record Ballot(long areaHundredths, @Nullable Vote vote, boolean affected) {

		public static Ballot of(BigDecimal area, @Nullable Vote vote, boolean affected) {
			return new Ballot(hundredths(area), vote, affected);
		}

	}

	/**
	 * One condition with its figures: {@code part} of {@code whole} against the threshold
	 * numerator/denominator; areas in hundredths of a square metre.
	 */
	public record Check(Condition condition, long part, long whole, boolean holds) {

		public BigDecimal partArea() {
			return BigDecimal.valueOf(part, 2);
		}

		public BigDecimal wholeArea() {
			return BigDecimal.valueOf(whole, 2);
		}

	}

	/** The sums a decision rests on; stored with the consent when the vote closes. */
	public record Tally(long totalArea, int totalOwners, long participatingArea, int participatingOwners,
			long agreeingArea, int agreeingOwners, int affectedOwners, int affectedAgreeing) {

		public List<Check> checks() {
			return List.of(check(Condition.PARTICIPATION_AREA, participatingArea, totalArea),
					check(Condition.PARTICIPATION_OWNERS, participatingOwners, totalOwners),
					check(Condition.AGREEMENT_AREA, agreeingArea, participatingArea),
					check(Condition.AGREEMENT_OWNERS, agreeingOwners, participatingOwners),
					new Check(Condition.AFFECTED_OWNERS, affectedAgreeing, affectedOwners, affectedAgreeing == affectedOwners));
		}

		/** Whether every condition holds. */
		public boolean passes() {
			return checks().stream().allMatch(Check::holds);
		}

		public List<Condition> failed() {
			return checks().stream().filter(check -> !check.holds()).map(Check::condition).toList();
		}

		private static Check check(Condition condition, long part, long whole) {
			// part / whole >= n / d  <=>  part * d >= whole * n, with nothing to take part in failing
			boolean holds = whole > 0
					&& Math.multiplyExact(part, condition.denominator()) >= Math.multiplyExact(whole, condition.numerator());
			return new Check(condition, part, whole, holds);
		}

	}

	/** Sums the ballots: AGREE, DISAGREE and ABSTAIN take part; no vote does not. */
	public static Tally tally(Collection<Ballot> ballots) {
		long totalArea = 0;
		long partArea = 0;
		long agreeArea = 0;
		int partOwners = 0;
		int agreeOwners = 0;
		int affected = 0;
		int affectedAgree = 0;
		for (Ballot ballot : ballots) {
			totalArea = Math.addExact(totalArea, ballot.areaHundredths());
			if (ballot.vote() != null) {
				partArea = Math.addExact(partArea, ballot.areaHundredths());
				partOwners++;
			}
			if (ballot.vote() == Vote.AGREE) {
				agreeArea = Math.addExact(agreeArea, ballot.areaHundredths());
				agreeOwners++;
			}
			if (ballot.affected()) {
				affected++;
				if (ballot.vote() == Vote.AGREE) {
					affectedAgree++;
				}
			}
		}
		return new Tally(totalArea, ballots.size(), partArea, partOwners, agreeArea, agreeOwners, affected, affectedAgree);
	}

	/**
	 * An area in hundredths of a square metre.
	 * @throws ArithmeticException when it has more than two decimals
	 */
	public static long hundredths(BigDecimal area) {
		return area.setScale(2, java.math.RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
	}

}
