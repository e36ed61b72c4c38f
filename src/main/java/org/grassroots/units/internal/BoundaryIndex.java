package org.grassroots.units.internal;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's index of every boundary, for placing points without asking the database. It is
 * built on first use and again: at once on this node after a boundary change commits, and on every
 * node when the generation counter in the database differs from the one the index was built from,
 * which each node reads every few seconds ({@code grassroots.units.boundary-check}, 5 s).
 */
@Component
public class BoundaryIndex {

	private static final Logger log = LoggerFactory.getLogger(BoundaryIndex.class);

	private record Built(long generation, BoundaryTree tree) {

	}

	private final BoundaryRepository boundaries;

	private final TransactionTemplate reads;

	private volatile @Nullable Built built;

	BoundaryIndex(BoundaryRepository boundaries, PlatformTransactionManager transactions) {
		this.boundaries = boundaries;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reads.setReadOnly(true);
	}

	/** The unit whose boundary is the deepest to hold the point. */
	public OptionalLong place(double latitude, double longitude) {
		Built current = built;
		if (current == null) {
			current = rebuild();
		}
		return current.tree().place(latitude, longitude);
	}

	/** How many boundaries the index holds. */
	public int size() {
		Built current = built;
		return current == null ? rebuild().tree().size() : current.tree().size();
	}

	/** Rebuilds once the current transaction commits: a change seen by this node at once. */
	public void rebuildAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				rebuild();
			}
		});
	}

	/** Rebuilds when another node (or SQL) changed the boundaries since the index was built. */
	@Scheduled(fixedDelayString = "${grassroots.units.boundary-check:PT5S}")
	public void check() {
		Built current = built;
		if (current == null || current.generation() != boundaries.generation()) {
			rebuild();
		}
	}

	/**
	 * The generation is read before the rows: a change committing in between is in the rows and
	 * not yet in the generation, so the next check rebuilds again rather than missing it.
	 */
	private synchronized Built rebuild() {
		long start = System.nanoTime();
		Built next = reads.execute(status -> {
			long generation = boundaries.generation();
			return new Built(generation, new BoundaryTree(boundaries.all()));
		});
		built = next;
		log.info("Boundary index built: {} boundaries, generation {}, in {} ms", next.tree().size(), next.generation(),
				(System.nanoTime() - start) / 1_000_000);
		return next;
	}

}
