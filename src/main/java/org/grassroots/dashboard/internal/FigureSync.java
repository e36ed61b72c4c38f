package org.grassroots.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.grassroots.dashboard.Measure;
import org.grassroots.problems.ProblemFact;
import org.grassroots.problems.ProblemFacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings the counters in line with problems as they stand now, or with a unit move. Reading the
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

	/**
	 * Problems again, in the caller's transaction: lock what each added (problems' rows in id order,
	 * then the counters in key order, one lock order for every writer), read what each adds now, and
	 * apply the difference of all of them at once: rows they share are written once.
	 */
	void syncAll(List<Long> problemIds) {
		gate.shared();
		Map<Long, Fact> before = facts.lockAll(problemIds.stream().sorted().distinct().toList());
		Map<Long, ProblemFact> now = problems.findAll(before.keySet());
		Counters.Delta delta = new Counters.Delta();
		List<Fact> changed = new ArrayList<>();
		before.forEach((problemId, was) -> {
			ProblemFact problem = now.get(problemId);
			Fact after = problem == null ? Fact.none(problemId) : Fact.of(problem);
			if (!after.equals(was)) {
				delta.addAll(was, -1);
				delta.addAll(after, 1);
				changed.add(after);
			}
		});
		counters.apply(delta);
		facts.replaceAll(changed);
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
