package org.grassroots.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.grassroots.problems.ProblemFacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the read models again from scratch, through the problems module's public API: every
 * problem's facts streamed once, summed in memory per counter row, written in batches.
 */
@Component
public class Rebuild {

	private final ProblemFacts problems;

	private final FactStore facts;

	private final Counters counters;

	private final SyncGate gate;

	private final LearningFeed learning;

	Rebuild(ProblemFacts problems, FactStore facts, Counters counters, SyncGate gate, LearningFeed learning) {
		this.learning = learning;
		this.problems = problems;
		this.facts = facts;
		this.counters = counters;
		this.gate = gate;
	}

	/** What a rebuild wrote. */
	public record Result(long problems, long counters) {

	}

	@Transactional
	public Result run() {
		// no delivery writes while the counters are emptied and summed again
		gate.exclusive();
		counters.deleteAll();
		facts.deleteAll();
		Counters.Delta sums = new Counters.Delta();
		List<Fact> batch = new ArrayList<>();
		long[] seen = { 0 };
		problems.forEach(problem -> {
			Fact fact = Fact.of(problem);
			sums.addAll(fact, 1);
			batch.add(fact);
			seen[0]++;
			if (batch.size() == 500) {
				facts.insertAll(batch);
				batch.clear();
			}
		});
		if (!batch.isEmpty()) {
			facts.insertAll(batch);
		}
		Map<Counters.Key, long[]> rows = sums.nonZero();
		counters.insertAll(rows);
		learning.rebuild();
		return new Result(seen[0], rows.size());
	}

}
