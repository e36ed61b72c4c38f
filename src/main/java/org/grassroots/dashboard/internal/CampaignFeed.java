package org.grassroots.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.grassroots.shared.CampaignFacts;
import org.grassroots.shared.CampaignFigures;
import org.grassroots.units.UnitMoved;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds the campaign counters from the figures that plans, visits and cases publish after their
 * commands commit (event publication registry). Each item's figures carry its version: the item
 * is locked, an older or repeated delivery changes nothing, a newer one adds only the difference.
 * Unit moves are applied in the move's transaction, as for the problem counters.
 */
@Component
public class CampaignFeed {

	private final CampaignStore store;

	private final SyncGate gate;

	private final List<CampaignFacts> sources;

	CampaignFeed(CampaignStore store, SyncGate gate, List<CampaignFacts> sources) {
		this.store = store;
		this.gate = gate;
		this.sources = sources;
	}

	@ApplicationModuleListener
	void on(CampaignFigures figures) {
		sync(figures);
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(UnitMoved moved) {
		move(moved.before().path(), moved.after().path());
	}

	/** Applies an item's figures unless a newer version of them is applied already. */
	@Transactional
	public void sync(CampaignFigures figures) {
		gate.shared();
		Optional<Long> applied = store.lock(figures.itemKey());
		if (applied.isPresent() && applied.get() >= figures.version()) {
			return;
		}
		CampaignStore.Delta delta = new CampaignStore.Delta();
		store.counts(figures.itemKey()).forEach(count -> delta.add(count, -1));
		figures.counts().forEach(count -> delta.add(count, 1));
		store.apply(delta);
		store.replace(figures);
	}

	/** A subtree moved: its totals leave the old ancestors and join the new ones, then its rows take the new paths. */
	@Transactional
	public void move(String oldPath, String newPath) {
		gate.exclusive();
		List<String> oldAncestors = strictAncestors(oldPath);
		List<String> newAncestors = strictAncestors(newPath);
		CampaignStore.Delta delta = new CampaignStore.Delta();
		store.allOf(oldPath).forEach(row -> {
			CampaignStore.Key key = row.getKey();
			oldAncestors.forEach(path -> delta.add(new CampaignStore.Key(path, key.month(), key.measure()), -row.getValue()));
			newAncestors.forEach(path -> delta.add(new CampaignStore.Key(path, key.month(), key.measure()), row.getValue()));
		});
		store.apply(delta);
		store.rewritePaths(oldPath, newPath, Fact.parentOf(newPath));
	}

	/** Everything again from every module's current figures, in the caller's transaction. */
	public long rebuild() {
		store.deleteAll();
		CampaignStore.Delta sums = new CampaignStore.Delta();
		long[] items = { 0 };
		for (CampaignFacts source : sources) {
			source.forEach(figures -> {
				store.insert(figures);
				figures.counts().forEach(count -> sums.add(count, 1));
				items[0]++;
			});
		}
		store.insertSums(sums);
		return items[0];
	}

	private static List<String> strictAncestors(String path) {
		List<String> lineage = new ArrayList<>(Fact.lineage(path));
		lineage.remove(lineage.size() - 1);
		return lineage;
	}

}
