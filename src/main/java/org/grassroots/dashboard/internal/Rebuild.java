package org.grassroots.dashboard.internal;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.problems.ProblemFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the read models again from scratch, through the problems module's public API: every
 * problem's facts streamed once and summed in memory per counter row, a slice of rows at a time;
 * each slice is staged and the database adds the slices up at the end, so memory stays bounded at
 * any number of problems.
 */
@Component
public class Rebuild {

	private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

	private final ProblemFacts problems;

	private final FactStore facts;

	private final Counters counters;

	private final SyncGate gate;

	private final LearningFeed learning;

	private final CampaignFeed campaign;

	private final int sliceRows;

	Rebuild(ProblemFacts problems, FactStore facts, Counters counters, SyncGate gate, LearningFeed learning,
			CampaignFeed campaign, @Value("${grassroots.dashboard.rebuild-slice-rows:200000}") int sliceRows) {
		this.learning = learning;
		this.campaign = campaign;
		this.problems = problems;
		this.facts = facts;
		this.counters = counters;
		this.gate = gate;
		this.sliceRows = sliceRows;
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
		Slices slices = new Slices();
		problems.forEach(problem -> slices.add(Fact.of(problem)));
		slices.finish();
		counters.addUpStage();
		long members = learning.rebuild();
		long items = campaign.rebuild();
		Result result = new Result(slices.seen, counters.count());
		log.info("Dashboard rebuilt: {} problems summed in {} slices into {} counter rows, {} members, {} campaign items",
				result.problems(), slices.staged, result.counters(), members, items);
		return result;
	}

	/** The facts written in batches of 500, the sums staged every {@link #sliceRows} rows. */
	private final class Slices {

		private final List<Fact> batch = new ArrayList<>();

		private Counters.Delta sums = new Counters.Delta();

		private long seen;

		private int staged;

		void add(Fact fact) {
			sums.addAll(fact, 1);
			batch.add(fact);
			seen++;
			if (batch.size() == 500) {
				facts.insertAll(batch);
				batch.clear();
			}
			if (sums.size() >= sliceRows) {
				stage();
				sums = new Counters.Delta();
			}
		}

		void finish() {
			if (!batch.isEmpty()) {
				facts.insertAll(batch);
			}
			stage();
		}

		private void stage() {
			counters.stage(sums.nonZero());
			staged++;
		}

	}

}
