package org.grassroots.dashboard.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.grassroots.shared.database.DatabaseFailures;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Brings a read model up to date with what its source module marked changed
 * ({@code shared/database/ChangeMarks}), in batches: one thread per node takes up to a batch of
 * marks and applies them in one transaction, until none is left. A write therefore costs the read
 * model one mark in the write's own transaction, and no event publication nor transaction of its
 * own; under a stream of writes the rows they share (a district's, the city's) are written once per
 * batch.
 * <p>
 * The thread wakes when a change commits on this node ({@link #wakeAfterCommit}) and every poll
 * interval, for changes made on other nodes. Takers skip the marks another node's batch holds.
 * When a batch fails, its items are taken again one at a time, so an item that cannot be applied
 * fails alone; its mark stays and it is tried again at the next wake.
 */
final class Drain {

	private static final Logger log = LoggerFactory.getLogger(Drain.class);

	private final String name;

	private final Source source;

	private final Consumer<List<Long>> apply;

	private final int most;

	private final TransactionOperations transactions;

	private final BooleanSupplier available;

	private final Duration poll;

	private final Semaphore wake = new Semaphore(0);

	private volatile @Nullable Thread thread;

	private boolean failing;

	/** Where the marks are: whether any is there (no transaction), and taking some in the caller's. */
	interface Source {

		boolean any();

		List<Long> take(int most, @Nullable Collection<Long> among);

		static Source of(BooleanSupplier any, BiFunction<Integer, @Nullable Collection<Long>, List<Long>> take) {
			return new Source() {
				@Override
				public boolean any() {
					return any.getAsBoolean();
				}

				@Override
				public List<Long> take(int most, @Nullable Collection<Long> among) {
					return take.apply(most, among);
				}
			};
		}

	}

	/**
	 * @param apply applies a batch in the caller's transaction; must take its locks in one order
	 * whatever the batch (two nodes' batches run side by side)
	 * @param available whether the database answers: the thread does not try while it does not
	 */
	Drain(String name, Source source, Consumer<List<Long>> apply, int most, TransactionOperations transactions,
			BooleanSupplier available, Duration poll) {
		this.name = name;
		this.source = source;
		this.apply = apply;
		this.most = most;
		this.transactions = transactions;
		this.available = available;
		this.poll = poll;
	}

	/** Wakes the thread once the caller's transaction commits (at once without one). */
	void wakeAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			wake.release();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				wake.release();
			}
		});
	}

	/** Applies batches until no mark is left that this node can take; returns the items applied. */
	int drain() {
		int applied = 0;
		// a short batch took everything there was; a mark committed since then wakes the thread again
		for (int taken = most; taken == most && source.any();) {
			taken = batch().size();
			applied += taken;
		}
		return applied;
	}

	/** One batch in one transaction; when it fails, its items one at a time. */
	private List<Long> batch() {
		List<Long> taken = new ArrayList<>();
		try {
			transactions.executeWithoutResult(status -> {
				taken.addAll(source.take(most, null));
				apply.accept(taken);
			});
			return taken;
		}
		catch (RuntimeException failed) {
			if (taken.isEmpty() || DatabaseFailures.unreachable(failed)) {
				throw failed;
			}
			// the rollback gave the marks back: each is taken again on its own
			List<Long> applied = new ArrayList<>();
			for (long id : taken) {
				if (alone(id)) {
					applied.add(id);
				}
			}
			return applied;
		}
	}

	private boolean alone(long id) {
		try {
			transactions.executeWithoutResult(status -> apply.accept(source.take(1, List.of(id))));
			return true;
		}
		catch (RuntimeException failed) {
			log.warn("The {} of {} could not be brought up to date; tried again later: {}", name, id,
					DatabaseFailures.shortReason(failed));
			return false;
		}
	}

	private void run() {
		while (thread == Thread.currentThread()) {
			try {
				wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
				wake.drainPermits();
				if (available.getAsBoolean()) {
					drain();
					failing = false;
				}
			}
			catch (InterruptedException stopped) {
				return;
			}
			catch (RuntimeException failed) {
				if (!failing) {
					log.warn("The {} wait for the database: {}", name, DatabaseFailures.shortReason(failed));
				}
				failing = true;
			}
		}
	}

	void start() {
		Thread started = new Thread(this::run, "figures-" + name.split(" ")[0]);
		started.setDaemon(true);
		thread = started;
		started.start();
	}

	void stop() {
		Thread running = thread;
		thread = null;
		if (running != null) {
			running.interrupt();
			try {
				running.join(5000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	boolean running() {
		return thread != null;
	}

}
