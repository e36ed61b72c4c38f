package org.grassroots.people.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.grassroots.shared.RateLimits;
import org.grassroots.shared.RateLimits.Limit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down (OWASP ASVS 2.2.1) without letting a stranger lock a person out.
 * An attempt is let through while every bucket below holds a token, and only a failed one takes a
 * token from each (the shared {@link RateLimits}, Bucket4j):
 * <ul>
 * <li>per client address, whatever the username;</li>
 * <li>per username and client address, a minute's and an hour's limit stacking up to growing
 * delays;</li>
 * <li>per username from every address together, far higher, so that only a spread-out attack
 * stops the person signing in from their own address (the account is then marked locked, which
 * other nodes and the administrators see).</li>
 * </ul>
 * Buckets live in this node's memory; several nodes each allow the limits.
 */
@Component
public class SignInThrottle {

	/** Why an attempt was refused, and how long until the next one may be made. */
	public record Refusal(Duration retryAfter, boolean accountWide) {

	}

	private record Rule(Limit limit, Key key) {

	}

	private enum Key {

		ADDRESS, ACCOUNT_AND_ADDRESS, ACCOUNT

	}

	private final RateLimits limits;

	private final List<Rule> rules;

	SignInThrottle(RateLimits limits,
			@Value("${grassroots.sign-in.per-address-per-minute:30}") int addressPerMinute,
			@Value("${grassroots.sign-in.per-address-per-hour:300}") int addressPerHour,
			@Value("${grassroots.sign-in.per-account-and-address-per-minute:5}") int accountAddressPerMinute,
			@Value("${grassroots.sign-in.per-account-and-address-per-hour:20}") int accountAddressPerHour,
			@Value("${grassroots.sign-in.per-account-per-hour:100}") int accountPerHour) {
		this.limits = limits;
		Duration minute = Duration.ofMinutes(1);
		Duration hour = Duration.ofHours(1);
		this.rules = List.of(new Rule(new Limit("sign-in-address-minute", addressPerMinute, minute), Key.ADDRESS),
				new Rule(new Limit("sign-in-address-hour", addressPerHour, hour), Key.ADDRESS),
				new Rule(new Limit("sign-in-account-address-minute", accountAddressPerMinute, minute), Key.ACCOUNT_AND_ADDRESS),
				new Rule(new Limit("sign-in-account-address-hour", accountAddressPerHour, hour), Key.ACCOUNT_AND_ADDRESS),
				new Rule(new Limit("sign-in-account-hour", accountPerHour, hour), Key.ACCOUNT));
	}

	/**
	 * Whether an attempt may be made now: every bucket must hold a token. Nothing is taken here,
	 * so right passwords, however many at once, never count.
	 */
	public Optional<Refusal> check(String username, String address) {
		for (Rule rule : rules) {
			Duration wait = limits.waitFor(rule.limit(), key(rule.key(), username, address));
			if (!wait.isZero()) {
				return Optional.of(new Refusal(wait, rule.key() == Key.ACCOUNT));
			}
		}
		return Optional.empty();
	}

	/**
	 * A wrong password takes a token from each bucket, even below zero: guesses made in parallel
	 * while the buckets still held tokens are paid back as a longer wait.
	 */
	public void failed(String username, String address) {
		for (Rule rule : rules) {
			limits.takeOwed(rule.limit(), key(rule.key(), username, address));
		}
	}

	/** An administrator lifted the lock: this node forgets the username's failures. */
	public void forget(String username) {
		for (Rule rule : rules) {
			if (rule.key() != Key.ADDRESS) {
				limits.forget(rule.limit(), key(rule.key(), username, ""));
			}
		}
	}

	/** The username and a line break first, so that forgetting a username is forgetting a key prefix. */
	private static String key(Key key, String username, String address) {
		String user = username.trim().toLowerCase(Locale.ROOT);
		return switch (key) {
			case ADDRESS -> address;
			case ACCOUNT_AND_ADDRESS -> user + "\n" + address;
			case ACCOUNT -> user + "\n";
		};
	}

}
