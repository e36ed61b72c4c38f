package org.grassroots.people.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;

/**
 * Slows password guessing down (OWASP ASVS 2.2.1) without letting a stranger lock a person out.
 * An attempt is let through while three Bucket4j buckets all hold a token, and only a failed one
 * takes a token from each:
 * <ul>
 * <li>per client address, whatever the username;</li>
 * <li>per username and client address, with limits that stack up to growing delays;</li>
 * <li>per username from every address together, far higher, so that only a spread-out attack
 * stops the person signing in from their own address (the account is then marked locked, which
 * other nodes and the administrators see).</li>
 * </ul>
 * Buckets live in this node's memory, at most {@value #MAX_KEYS} per kind, the least recently
 * used dropped first; several nodes each allow the limits.
 */
@Component
public class SignInThrottle {

	static final int MAX_KEYS = 50_000;

	/** Why an attempt was refused, and how long until the next one may be made. */
	public record Refusal(Duration retryAfter, boolean accountWide) {

	}

	private final Limits limits;

	private final Map<String, Bucket> byAddress = lru();

	private final Map<String, Bucket> byAccountAndAddress = lru();

	private final Map<String, Bucket> byAccount = lru();

	SignInThrottle(@Value("${grassroots.sign-in.per-address-per-minute:30}") int addressPerMinute,
			@Value("${grassroots.sign-in.per-address-per-hour:300}") int addressPerHour,
			@Value("${grassroots.sign-in.per-account-and-address-per-minute:5}") int accountAddressPerMinute,
			@Value("${grassroots.sign-in.per-account-and-address-per-hour:20}") int accountAddressPerHour,
			@Value("${grassroots.sign-in.per-account-per-hour:100}") int accountPerHour) {
		this.limits = new Limits(addressPerMinute, addressPerHour, accountAddressPerMinute, accountAddressPerHour,
				accountPerHour);
	}

	private record Limits(int addressPerMinute, int addressPerHour, int accountAddressPerMinute,
			int accountAddressPerHour, int accountPerHour) {

	}

	/**
	 * Whether an attempt may be made now: every bucket must hold a token. Nothing is taken here,
	 * so right passwords, however many at once, never count.
	 */
	public Optional<Refusal> check(String username, String address) {
		for (Kind kind : Kind.values()) {
			long wait = bucket(kind, username, address).estimateAbilityToConsume(1).getNanosToWaitForRefill();
			if (wait > 0) {
				return Optional.of(new Refusal(Duration.ofNanos(wait), kind == Kind.ACCOUNT));
			}
		}
		return Optional.empty();
	}

	/**
	 * A wrong password takes a token from each bucket, even below zero: guesses made in parallel
	 * while the buckets still held tokens are paid back as a longer wait.
	 */
	public void failed(String username, String address) {
		for (Kind kind : Kind.values()) {
			bucket(kind, username, address).consumeIgnoringRateLimits(1);
		}
	}

	/** An administrator lifted the lock: this node forgets the username's failures. */
	public void forget(String username) {
		String key = key(username);
		synchronized (byAccount) {
			byAccount.remove(key);
		}
		synchronized (byAccountAndAddress) {
			byAccountAndAddress.keySet().removeIf(k -> k.startsWith(key + "\n"));
		}
	}

	private enum Kind {

		ADDRESS, ACCOUNT_AND_ADDRESS, ACCOUNT

	}

	private Bucket bucket(Kind kind, String username, String address) {
		return switch (kind) {
			case ADDRESS -> get(byAddress, address, () -> perMinuteAndHour(limits.addressPerMinute(), limits.addressPerHour()));
			case ACCOUNT_AND_ADDRESS -> get(byAccountAndAddress, key(username) + "\n" + address,
					() -> perMinuteAndHour(limits.accountAddressPerMinute(), limits.accountAddressPerHour()));
			case ACCOUNT -> get(byAccount, key(username), () -> Bucket.builder()
				.addLimit(limit -> limit.capacity(limits.accountPerHour()).refillGreedy(limits.accountPerHour(), Duration.ofHours(1)))
				.build());
		};
	}

	/** A burst per minute, then the hourly limit: the wait grows from seconds to minutes. */
	private static Bucket perMinuteAndHour(int perMinute, int perHour) {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
			.addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
			.build();
	}

	private static Bucket get(Map<String, Bucket> buckets, String key, Supplier<Bucket> create) {
		synchronized (buckets) {
			return buckets.computeIfAbsent(key, k -> create.get());
		}
	}

	private static String key(String username) {
		return username.trim().toLowerCase(Locale.ROOT);
	}

	private static Map<String, Bucket> lru() {
		return new LinkedHashMap<>(1024, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > MAX_KEYS;
			}

		};
	}

}
