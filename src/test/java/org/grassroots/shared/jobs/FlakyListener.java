package org.grassroots.shared.jobs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Fails the first delivery of each event, as a lost connection would, and takes the second. */
@Component
class FlakyListener {

	private final ConcurrentHashMap<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, Boolean> delivered = new ConcurrentHashMap<>();

	@ApplicationModuleListener
	void on(Flaky event) {
		if (attempts.computeIfAbsent(event.key(), key -> new AtomicInteger()).incrementAndGet() == 1) {
			throw new IllegalStateException("first delivery fails on purpose");
		}
		delivered.put(event.key(), true);
	}

	int attempts(String key) {
		AtomicInteger count = attempts.get(key);
		return count == null ? 0 : count.get();
	}

	boolean delivered(String key) {
		return delivered.containsKey(key);
	}

}
