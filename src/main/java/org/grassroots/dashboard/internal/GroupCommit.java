package org.grassroots.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Applies deliveries together. Each delivery thread queues its item and waits; the first to take
 * the lead applies everything queued in one transaction, so the rolled-up rows the items share (a
 * district's, the city's) are written once per batch, by one thread of the node, instead of once
 * per item by every delivery thread queueing for the same row locks. A delivery returns only when
 * its item is committed, so the event registry completes a publication only after its effect is
 * durable. When a batch fails, its items are applied again one by one, each in its own
 * transaction: an item that cannot be applied fails alone and stays with the registry for a retry.
 *
 * @param <T> what one delivery asks to apply
 */
final class GroupCommit<T> {

	private final Queue<Entry<T>> queue = new ConcurrentLinkedQueue<>();

	private final ReentrantLock lead = new ReentrantLock();

	private final TransactionOperations transactions;

	private final Consumer<List<T>> apply;

	private final int most;

	/**
	 * @param apply applies a batch in the caller's transaction; must take its locks in one order
	 * whatever the batch (two nodes' batches run side by side)
	 * @param most the items one batch takes at most
	 */
	GroupCommit(TransactionOperations transactions, Consumer<List<T>> apply, int most) {
		this.transactions = transactions;
		this.apply = apply;
		this.most = most;
	}

	/** Applies the item, with whatever else is queued, and returns once it is committed. */
	void apply(T item) {
		Entry<T> entry = new Entry<>(item);
		queue.add(entry);
		lead.lock();
		try {
			// a leader before us may have applied it; else we lead, as often as it takes to reach it
			while (!entry.settled) {
				applyQueued();
			}
		}
		finally {
			lead.unlock();
		}
		if (entry.failure != null) {
			throw entry.failure;
		}
	}

	private void applyQueued() {
		List<Entry<T>> taken = new ArrayList<>();
		for (Entry<T> next; taken.size() < most && (next = queue.poll()) != null;) {
			taken.add(next);
		}
		try {
			transactions.executeWithoutResult(status -> apply.accept(taken.stream().map(Entry::item).toList()));
		}
		catch (RuntimeException batchFailed) {
			taken.forEach(this::applyAlone);
		}
		catch (Error error) {
			// settled as failed, or their threads would wait for a batch that no longer holds them
			taken.forEach(entry -> entry.failure = new IllegalStateException("the batch failed", error));
			throw error;
		}
		finally {
			taken.forEach(entry -> entry.settled = true);
		}
	}

	private void applyAlone(Entry<T> entry) {
		try {
			transactions.executeWithoutResult(status -> apply.accept(List.of(entry.item())));
		}
		catch (RuntimeException failed) {
			entry.failure = failed;
		}
	}

	/** One delivery's item; its fields are written and read under the lead lock. */
	private static final class Entry<T> {

		private final T item;

		private boolean settled;

		private @Nullable RuntimeException failure;

		Entry(T item) {
			this.item = item;
		}

		T item() {
			return item;
		}

	}

}
