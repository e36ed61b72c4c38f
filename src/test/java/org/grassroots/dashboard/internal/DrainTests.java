package org.grassroots.dashboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/** Batches taken from the marks, each once; an item that cannot be applied fails alone and keeps its mark. */
class DrainTests {

	/** Marks in memory, with a transaction that gives taken marks back when it rolls back. */
	static final class Marks implements Drain.Source, TransactionOperations {

		final TreeSet<Long> marked = new TreeSet<>();

		private final List<Long> takenInTransaction = new ArrayList<>();

		@Override
		public boolean any() {
			return !marked.isEmpty();
		}

		@Override
		public List<Long> take(int most, @Nullable Collection<Long> among) {
			List<Long> taken = marked.stream().filter(id -> among == null || among.contains(id)).limit(most).toList();
			marked.removeAll(taken);
			takenInTransaction.addAll(taken);
			return taken;
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			TransactionStatus status = new SimpleTransactionStatus();
			try {
				return action.doInTransaction(status);
			}
			catch (RuntimeException failed) {
				marked.addAll(takenInTransaction);
				throw failed;
			}
			finally {
				takenInTransaction.clear();
			}
		}

	}

	private static Drain drain(Marks marks, Consumer<List<Long>> apply) {
		return new Drain("test figures", marks, apply, 100, marks, () -> true, Duration.ofSeconds(1));
	}

	@Test
	void marksAreAppliedInBatchesOfAtMostTheLimitEachOnce() {
		Marks marks = new Marks();
		for (long id = 1; id <= 250; id++) {
			marks.marked.add(id);
		}
		List<List<Long>> batches = new ArrayList<>();
		assertThat(drain(marks, batches::add).drain()).isEqualTo(250);
		assertThat(batches).extracting(List::size).containsExactly(100, 100, 50);
		assertThat(batches.stream().flatMap(List::stream).distinct().count()).isEqualTo(250);
		assertThat(marks.marked).isEmpty();
	}

	@Test
	void anItemThatCannotBeAppliedFailsAloneAndKeepsItsMark() {
		Marks marks = new Marks();
		for (long id = 1; id <= 10; id++) {
			marks.marked.add(id);
		}
		List<Long> applied = new ArrayList<>();
		Drain drain = drain(marks, batch -> {
			if (batch.contains(7L)) {
				throw new IllegalStateException("cannot apply 7");
			}
			applied.addAll(batch);
		});
		assertThat(drain.drain()).isEqualTo(9);
		assertThat(applied).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 8L, 9L, 10L);
		assertThat(marks.marked).containsExactly(7L);
	}

	@Test
	void nothingMarkedTakesNoTransaction() {
		Marks marks = new Marks();
		List<List<Long>> batches = new ArrayList<>();
		assertThat(drain(marks, batches::add).drain()).isZero();
		assertThat(batches).isEmpty();
	}

}
