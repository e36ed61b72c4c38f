package org.grassroots.problems.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.grassroots.units.Unit;
import org.grassroots.units.UnitMoved;
import org.grassroots.units.UnitRenamed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The districts a resident's report goes to, held in memory by code so that a report does not read
 * its district: there are some forty, and they practically never change. An entry is read again
 * after the TTL (10 minutes by default); a unit moved or renamed on this node empties the map once
 * that commits, one changed on another node is seen within the TTL.
 */
@Component
public class Districts {

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final long ttlNanos;

	Districts(@Value("${grassroots.problems.district-cache:PT10M}") Duration ttl) {
		this.ttlNanos = ttl.toNanos();
	}

	private record Entry(Unit unit, long expiresAt) {

	}

	/** The district with this code, or the loader's answer, kept for the TTL. */
	public Unit get(String code, Function<String, Unit> loader) {
		long now = System.nanoTime();
		Entry entry = entries.get(code);
		if (entry != null && now - entry.expiresAt() < 0) {
			return entry.unit();
		}
		Unit loaded = loader.apply(code);
		if (ttlNanos > 0) {
			entries.put(code, new Entry(loaded, now + ttlNanos));
		}
		return loaded;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(UnitMoved moved) {
		entries.clear();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(UnitRenamed renamed) {
		entries.clear();
	}

}
