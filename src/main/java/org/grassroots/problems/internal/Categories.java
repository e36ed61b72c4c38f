package org.grassroots.problems.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.problems.Category;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The problem categories in memory, so that an intake does not read its category: a node reloads
 * them when its copy is older than the TTL (30 s by default), when its own edit commits, and when a
 * code it does not know is asked for (at most once a second, so unknown codes cannot hammer the
 * table). An edit on another node reaches this one within the TTL; categories change a few times a
 * year, by the city administrator.
 */
@Component
public class Categories {

	private static final long MISS_RELOAD_NANOS = Duration.ofSeconds(1).toNanos();

	private final WorkRepository work;

	private final long ttlNanos;

	private volatile @Nullable Snapshot snapshot;

	Categories(WorkRepository work, @Value("${grassroots.problems.categories-ttl:PT30S}") Duration ttl) {
		this.work = work;
		this.ttlNanos = ttl.toNanos();
	}

	private record Snapshot(List<Category> all, Map<String, Category> byCode, long loadedAt) {

		long age() {
			return System.nanoTime() - loadedAt;
		}

	}

	/** Every category in its order. */
	public List<Category> all() {
		return current().all();
	}

	public Optional<Category> find(String code) {
		Snapshot current = current();
		Category found = current.byCode().get(code);
		if (found == null && current.age() > MISS_RELOAD_NANOS) {
			found = reload().byCode().get(code);
		}
		return Optional.ofNullable(found);
	}

	/** A category was edited: this node forgets its copy once the edit commits. */
	public void changed() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					snapshot = null;
				}

			});
		}
		else {
			snapshot = null;
		}
	}

	private Snapshot current() {
		Snapshot current = snapshot;
		return current == null || current.age() > ttlNanos ? reload() : current;
	}

	private Snapshot reload() {
		List<Category> all = List.copyOf(work.categories());
		Map<String, Category> byCode = new LinkedHashMap<>();
		all.forEach(category -> byCode.put(category.code(), category));
		Snapshot loaded = new Snapshot(all, Map.copyOf(byCode), System.nanoTime());
		snapshot = loaded;
		return loaded;
	}

}
