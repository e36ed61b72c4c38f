package org.grassroots.open311;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.grassroots.open311.internal.KeyCache;
import org.grassroots.open311.internal.KeyRepository;
import org.grassroots.open311.internal.KeyTouches;
import org.grassroots.shared.CryptoSuite;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keys for Open311 client applications, issued and revoked by the city administrator. A key is
 * shown once; only its SHA-256 hash is kept.
 */
@Service
public class Open311Keys {

	private final KeyRepository keys;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final KeyTouches touches;

	private final KeyCache cache;

	private final CryptoSuite suite;

	Open311Keys(KeyRepository keys, ApplicationEventPublisher events, Clock clock, KeyTouches touches, KeyCache cache,
			CryptoSuite suite) {
		this.suite = suite;
		this.touches = touches;
		this.cache = cache;
		this.keys = keys;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A new key and its secret, which is not stored and cannot be shown again. Serializable: the
	 * keys page hands it to the next page as a flash attribute, in the session in the database.
	 */
	public record Issued(ApiKey key, String secret) implements java.io.Serializable {

	}

	@Transactional
	public Issued issue(String name, CurrentUser admin) {
		checkAdmin(admin);
		String trimmed = name == null ? "" : name.trim();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw DomainException.invalid("open311.error.key-name");
		}
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String secret = "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id = keys.insert(trimmed, suite.hash(secret), secret.substring(0, 9), admin.getUsername(), clock.instant());
		ApiKey key = keys.find(id).orElseThrow();
		events.publishEvent(new KeyChanged("ISSUED", key));
		return new Issued(key, secret);
	}

	@Transactional(readOnly = true)
	public List<ApiKey> list(CurrentUser admin) {
		checkAdmin(admin);
		return keys.all();
	}

	@Transactional
	public ApiKey revoke(long id, CurrentUser admin) {
		checkAdmin(admin);
		keys.find(id).orElseThrow(() -> new NotFoundException("open311 key", id));
		if (!keys.revoke(id, clock.instant())) {
			throw DomainException.conflict("open311.error.key-revoked");
		}
		ApiKey revoked = keys.find(id).orElseThrow();
		events.publishEvent(new KeyChanged("REVOKED", revoked));
		return revoked;
	}

	/**
	 * The active key with this secret, or 403: read without a lock and kept a few seconds
	 * ({@link KeyCache}); its last use is written later in a batch ({@link KeyTouches}), so that
	 * requests of one key never wait for each other.
	 */
	@Transactional(readOnly = true)
	public ApiKey authenticate(String secret) {
		for (String hash : suite.hashesOf(secret.trim())) {
			Optional<ApiKey> key = cache.get(hash, () -> keys.findActiveByHash(hash));
			if (key.isPresent()) {
				touches.touch(key.get().id());
				return key.get();
			}
		}
		throw DomainException.forbidden("open311.error.api-key");
	}

	private static void checkAdmin(CurrentUser user) {
		if (!user.has(Role.CITY_ADMIN)) {
			throw DomainException.forbidden("error.403.text");
		}
	}

	/** The stored form of a key in the standard suite (the demo key); a key is found under either suite's hash. */
	public static String hashOf(String secret) {
		return CryptoSuite.STANDARD.hash(secret);
	}

}
