package org.grassroots.dashboard.internal;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.dashboard.Measure;
import org.grassroots.problems.ProblemFacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the counters in line with one problem as it stands now, or with a unit move. Reading the
 * problem's current facts (not the event's copy) makes the result independent of the order and
 * number of deliveries: a late or repeated event finds nothing left to add.
 */
@Component
public class FigureSync {

	private final ProblemFacts problems;

	private final FactStore facts;

	private final Counters counters;

	private final SyncGate gate;

	FigureSync(ProblemFacts problems, FactStore facts, Counters counters, SyncGate gate) {
		this.problems = problems;
		this.facts = facts;
		this.counters = counters;
		this.gate = gate;
	}

	@Transactional
	public void sync(long problemId) {
		gate.shared();
		Fact before = facts.lock(problemId);
		Fact now = problems.find(problemId).map(Fact::of).orElseGet(() -> Fact.none(problemId));
		if (now.equals(before)) {
			return;
		}
		Counters.Delta delta = new Counters.Delta();
		delta.addAll(before, -1);
		delta.addAll(now, 1);
		counters.apply(delta);
		facts.replace(now);
	}

	/**
	 * A subtree moved: its totals leave the old ancestors and join the new ones, then its own rows
	 * and facts take the new paths. Runs in the move's transaction, like every copy of a path.
	 */
	@Transactional
	public void move(String oldPath, String newPath) {
		gate.exclusive();
		Counters.Delta delta = new Counters.Delta();
		List<String> oldAncestors = strictAncestors(oldPath);
		List<String> newAncestors = strictAncestors(newPath);
		for (Counters.Row row : counters.allOf(oldPath)) {
			for (Measure measure : Measure.values()) {
				long value = row.get(measure);
				if (value == 0) {
					continue;
				}
				oldAncestors.forEach(path -> delta.add(new Counters.Key(path, row.month(), row.categoryCode()), measure, -value));
				newAncestors.forEach(path -> delta.add(new Counters.Key(path, row.month(), row.categoryCode()), measure, value));
			}
		}
		counters.apply(delta);
		counters.rewritePaths(oldPath, newPath, Fact.parentOf(newPath));
		facts.rewritePaths(oldPath, newPath);
	}

	private static List<String> strictAncestors(String path) {
		List<String> lineage = new ArrayList<>(Fact.lineage(path));
		lineage.remove(lineage.size() - 1);
		return lineage;
	}

}
