package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Buckets per limit and address, and a map that forgets the least recently used address past its size. */
class RateLimitsTests {

	static final RateLimits.Limit TWO_A_MINUTE = new RateLimits.Limit("test", 2, Duration.ofMinutes(1));

	@Test
	void anAddressPastItsLimitWaitsAndOthersDoNot() {
		RateLimits limits = new RateLimits(10);
		limits.consume(TWO_A_MINUTE, "10.0.0.1", 1);
		limits.consume(TWO_A_MINUTE, "10.0.0.1", 1);
		assertThatThrownBy(() -> limits.consume(TWO_A_MINUTE, "10.0.0.1", 1)).isInstanceOfSatisfying(RateLimitExceeded.class,
				ex -> assertThat(ex.retryAfterSeconds()).isBetween(1L, 30L));
		limits.consume(TWO_A_MINUTE, "10.0.0.2", 2);
		limits.consume(new RateLimits.Limit("other", 1, Duration.ofMinutes(1)), "10.0.0.1", 1);
	}

	@Test
	void moreTokensThanTheBucketHoldsWaitAtMostOnePeriod() {
		assertThatThrownBy(() -> new RateLimits(10).consume(TWO_A_MINUTE, "10.0.0.1", 3))
			.isInstanceOfSatisfying(RateLimitExceeded.class, ex -> assertThat(ex.retryAfterSeconds()).isEqualTo(60));
	}

	@Test
	void theMapKeepsAtMostItsSizeForgettingTheLeastRecentlyUsed() {
		RateLimits limits = new RateLimits(2);
		limits.consume(TWO_A_MINUTE, "10.0.0.1", 2);
		limits.consume(TWO_A_MINUTE, "10.0.0.2", 2);
		limits.consume(TWO_A_MINUTE, "10.0.0.3", 2);
		assertThat(limits.size()).isEqualTo(2);
		// the first address was forgotten, so it starts again with a full bucket; the third was kept
		limits.consume(TWO_A_MINUTE, "10.0.0.1", 2);
		assertThatThrownBy(() -> limits.consume(TWO_A_MINUTE, "10.0.0.3", 1)).isInstanceOf(RateLimitExceeded.class);
	}

}
