package org.grassroots.dashboard.internal;

import java.util.Map;
import java.util.TreeMap;

/** Additions to the learning rows, collected and then written in key order (one lock order for all writers). */
public final class LearningDelta {

	/** A row of {@code dash_learning_cover}. */
	public record CoverKey(String unitPath, long planId) implements Comparable<CoverKey> {

		@Override
		public int compareTo(CoverKey other) {
			int byPath = unitPath.compareTo(other.unitPath);
			return byPath != 0 ? byPath : Long.compare(planId, other.planId);
		}

	}

	/** A row of {@code dash_learning_month}. */
	public record MonthKey(String unitPath, int month) implements Comparable<MonthKey> {

		@Override
		public int compareTo(MonthKey other) {
			int byPath = unitPath.compareTo(other.unitPath);
			return byPath != 0 ? byPath : Integer.compare(month, other.month);
		}

	}

	final Map<CoverKey, long[]> cover = new TreeMap<>();

	final Map<MonthKey, long[]> months = new TreeMap<>();

	void cover(String path, long plan, long members, long met) {
		long[] values = cover.computeIfAbsent(new CoverKey(path, plan), key -> new long[2]);
		values[0] += members;
		values[1] += met;
	}

	void month(String path, int month, long checkIns) {
		months.computeIfAbsent(new MonthKey(path, month), key -> new long[1])[0] += checkIns;
	}

	/** Drops what adds nothing. */
	void compact() {
		cover.values().removeIf(values -> values[0] == 0 && values[1] == 0);
		months.values().removeIf(values -> values[0] == 0);
	}

}
