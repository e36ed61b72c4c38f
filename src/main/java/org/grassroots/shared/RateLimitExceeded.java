package org.grassroots.shared;

/** A client went past a rate limit: 429 with the seconds to wait in {@code Retry-After}. */
public class RateLimitExceeded extends RuntimeException {

	private final long retryAfterSeconds;

	public RateLimitExceeded(String limit, long retryAfterSeconds) {
		super("rate limit " + limit + " exceeded");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
