package org.grassroots.open311.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A fixed one-minute window per key on this node. Several nodes each allow the limit; a shared
 * limit would need the database or a cache, which one node does not.
 */
@Component
public class RateLimiter {

	private final int perMinute;

	private final Clock clock;

	private final ConcurrentHashMap<Long, Window> windows = new ConcurrentHashMap<>();

	RateLimiter(@Value("${grassroots.open311.requests-per-minute:60}") int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	private record Window(long minute, AtomicInteger count) {

	}

	/** Counts one request of the key; false when the key is over its limit this minute. */
	public boolean allow(long keyId) {
		long minute = clock.millis() / 60_000;
		Window window = windows.compute(keyId,
				(id, current) -> current == null || current.minute() != minute ? new Window(minute, new AtomicInteger()) : current);
		return window.count().incrementAndGet() <= perMinute;
	}

}
