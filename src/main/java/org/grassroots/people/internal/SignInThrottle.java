package org.grassroots.people.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Slows password guessing down (OWASP ASVS 2.2.1) without letting a stranger lock a person out.
 * Every password sign-in takes a token from three Bucket4j buckets, and a successful one gives
 * them back, so only failures count:
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

	/** Takes one attempt from each bucket; refused when any is empty, and then takes nothing. */
	public Optional<Refusal> acquire(String username, String address) {
		List<Bucket> taken = new ArrayList<>(3);
		for (Kind kind : Kind.values()) {
			Bucket bucket = bucket(kind, username, address);
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				taken.forEach(done -> done.addTokens(1));
				Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
				return Optional.of(new Refusal(wait.isZero() ? Duration.ofSeconds(1) : wait, kind == Kind.ACCOUNT));
			}
			taken.add(bucket);
		}
		return Optional.empty();
	}

	/** A right password: the attempt does not count against anyone. */
	public void succeeded(String username, String address) {
		for (Kind kind : Kind.values()) {
			bucket(kind, username, address).addTokens(1);
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
