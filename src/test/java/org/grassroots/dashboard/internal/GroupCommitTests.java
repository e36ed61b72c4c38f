package org.grassroots.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The batching of deliveries, with a stand-in for transactions that keeps what a batch applied only
 * when it returns (what a commit does); the database side is in the dashboard's integration tests.
 */
class GroupCommitTests {

	private final ExecutorService threads = Executors.newFixedThreadPool(32);

	/** What committed batches applied, batch by batch. */
	private final List<List<Integer>> committed = Collections.synchronizedList(new ArrayList<>());

	private final TransactionOperations transactions = new TransactionOperations() {

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			TransactionStatus status = new SimpleTransactionStatus();
			return action.doInTransaction(status);
		}

	};

	@AfterEach
	void stop() {
		threads.shutdownNow();
	}

	@Test
	void deliveriesThatArriveWhileABatchRunsAreAppliedTogetherAndEachOnce() throws Exception {
		CountDownLatch firstBatchStarted = new CountDownLatch(1);
		CountDownLatch othersQueued = new CountDownLatch(1);
		GroupCommit<Integer> group = new GroupCommit<>(transactions, batch -> {
			firstBatchStarted.countDown();
			await(othersQueued);
			committed.add(List.copyOf(batch));
		}, 100);
		Future<?> first = threads.submit(() -> group.apply(0));
		firstBatchStarted.await(5, TimeUnit.SECONDS);
		List<Future<?>> others = new ArrayList<>();
		for (int item = 1; item <= 20; item++) {
			int each = item;
			others.add(threads.submit(() -> group.apply(each)));
		}
		Thread.sleep(200);
		othersQueued.countDown();
		first.get(5, TimeUnit.SECONDS);
		for (Future<?> other : others) {
			other.get(5, TimeUnit.SECONDS);
		}
		assertThat(committed.stream().flatMap(List::stream).sorted().toList())
			.isEqualTo(java.util.stream.IntStream.rangeClosed(0, 20).boxed().toList());
		// the first batch held the lead while twenty deliveries queued: far fewer batches than deliveries
		assertThat(committed).hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void anItemThatCannotBeAppliedFailsAloneAndTheOthersCommit() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		GroupCommit<Integer> group = new GroupCommit<>(transactions, batch -> {
			await(release);
			if (batch.contains(13)) {
				throw new IllegalStateException("item 13 cannot be applied");
			}
			committed.add(List.copyOf(batch));
		}, 100);
		List<Future<?>> deliveries = new ArrayList<>();
		for (int item = 10; item <= 16; item++) {
			int each = item;
			deliveries.add(threads.submit(() -> group.apply(each)));
		}
		Thread.sleep(200);
		release.countDown();
		for (int index = 0; index < deliveries.size(); index++) {
			Future<?> delivery = deliveries.get(index);
			if (index == 3) {
				assertThatThrownBy(() -> delivery.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("item 13 cannot be applied");
			}
			else {
				delivery.get(5, TimeUnit.SECONDS);
			}
		}
		assertThat(committed.stream().flatMap(List::stream).sorted().toList()).containsExactly(10, 11, 12, 14, 15, 16);
	}

	@Test
	void aBatchTakesAtMostItsLimitAndTheRestFollow() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		Consumer<List<Integer>> apply = batch -> {
			await(release);
			committed.add(List.copyOf(batch));
		};
		GroupCommit<Integer> group = new GroupCommit<>(transactions, apply, 3);
		List<Future<?>> deliveries = new ArrayList<>();
		for (int item = 0; item < 8; item++) {
			int each = item;
			deliveries.add(threads.submit(() -> group.apply(each)));
		}
		Thread.sleep(200);
		release.countDown();
		for (Future<?> delivery : deliveries) {
			delivery.get(5, TimeUnit.SECONDS);
		}
		assertThat(committed).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(3));
		assertThat(committed.stream().mapToInt(List::size).sum()).isEqualTo(8);
	}

	@Test
	void aBatchThatFailsWithAnErrorFailsEveryDeliveryInItAndNoneWaits() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		GroupCommit<Integer> group = new GroupCommit<>(transactions, batch -> {
			await(release);
			// an empty batch commits, as the real ones do: a delivery whose item a failed batch took
			// and left unsettled would lead empty batches for ever
			if (!batch.isEmpty()) {
				throw new OutOfMemoryError("no room for this batch");
			}
			committed.add(List.copyOf(batch));
		}, 100);
		List<Future<?>> deliveries = new ArrayList<>();
		for (int item = 0; item < 6; item++) {
			int each = item;
			deliveries.add(threads.submit(() -> group.apply(each)));
		}
		Thread.sleep(200);
		release.countDown();
		for (Future<?> delivery : deliveries) {
			assertThatThrownBy(() -> delivery.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("no room for this batch");
		}
		assertThat(committed).allSatisfy(batch -> assertThat(batch).isEmpty());
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(5, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
