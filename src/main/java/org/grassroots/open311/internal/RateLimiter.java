package org.grassroots.open311.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;

/**
 * Requests per minute per Open311 key on this node (Bucket4j, the whole minute's allowance
 * refilled at once, as clients are told). Several nodes each allow the limit. Keys are few and
 * issued by the city, so one bucket per key is kept for good.
 */
@Component
public class RateLimiter {

	private final int perMinute;

	private final ConcurrentHashMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

	RateLimiter(@Value("${grassroots.open311.requests-per-minute:60}") int perMinute) {
		this.perMinute = perMinute;
	}

	/** Counts one request of the key; false when the key is over its limit this minute. */
	public boolean allow(long keyId) {
		return buckets.computeIfAbsent(keyId, id -> Bucket.builder()
			.addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
			.build()).tryConsume(1);
	}

}
