package org.grassroots.shared;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key for create operations: the first successful result of a key within its scope is
 * kept (table idempotency_key, its body encrypted), and a retry with the same key and the same
 * request gets that result again without creating anything. The key row is written in the create's
 * own transaction, so a committed create always has its key and a rolled-back one never does; a
 * concurrent request with the same key waits for the first and answers its result. Refusals are
 * not kept: a retry of a refused request runs again.
 */
@Component
public class Idempotency {

	/** The request header clients send. */
	public static final String HEADER = "Idempotency-Key";

	private static final int MAX_KEY = 255;

	/** How long a request waits for another one with its key before it answers 409. */
	private static final Duration WAIT = Duration.ofSeconds(15);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final FieldCipher cipher;

	private final Clock clock;

	private final Duration keep;

	Idempotency(JdbcClient jdbc, PlatformTransactionManager transactionManager, JsonMapper json, FieldCipher cipher,
			Clock clock, @Value("${grassroots.idempotency.keep:PT24H}") Duration keep) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.json = json;
		this.cipher = cipher;
		this.clock = clock;
		this.keep = keep;
	}

	/**
	 * Runs {@code create} once per key and scope: without a key it just runs; with one it answers
	 * the kept result of an earlier success, or creates and keeps the result in the same transaction.
	 *
	 * @param scope who may see the result, e.g. {@code problems.register:account:42}
	 * @param request what the client asked for; the same key with a different request is refused (422)
	 */
	public <T> T once(@Nullable String key, String scope, Object request, Class<T> type, Supplier<T> create) {
		if (key == null) {
			return create.get();
		}
		check(key);
		String hash = hash(cipher.suite(), request);
		long end = System.nanoTime() + WAIT.toNanos();
		while (true) {
			Optional<Kept> kept = find(scope, key);
			if (kept.isPresent()) {
				return replay(kept.get(), request, hash, type);
			}
			try {
				return transactions.execute(status -> createKept(scope, key, hash, create));
			}
			catch (KeyTaken taken) {
				if (forgetExpired(scope, key)) {
					continue;
				}
				// another request holds the key: its commit makes the result visible, its rollback frees the key
				if (System.nanoTime() > end) {
					throw DomainException.conflict("error.idempotency-key.in-progress");
				}
				pause();
			}
		}
	}

	/** Printable ASCII, 1 to 255 characters; anything else is refused with 400. */
	static void check(String key) {
		if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
			throw DomainException.invalid("error.idempotency-key.invalid");
		}
	}

	private <T> T createKept(String scope, String key, String hash, Supplier<T> create) {
		Instant now = clock.instant();
		try {
			// first, so that a concurrent request with this key waits here, on the key's row lock
			jdbc.sql("insert into idempotency_key (scope, idem_key, request_hash, status, created_at) "
					+ "values (:scope, :key, :hash, 0, :now)")
				.param("scope", scope)
				.param("key", key)
				.param("hash", hash)
				.param("now", Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException | ConcurrencyFailureException e) {
			// PostgreSQL waits for the holder's commit, then reports the duplicate; H2 may report a lock conflict
			throw new KeyTaken();
		}
		T result = create.get();
		String body = result instanceof String text ? text : json.writeValueAsString(result);
		jdbc.sql("update idempotency_key set status = :status, body = :body where scope = :scope and idem_key = :key")
			.param("status", HttpStatus.CREATED.value())
			.param("body", cipher.encrypt(body))
			.param("scope", scope)
			.param("key", key)
			.update();
		return result;
	}

	/**
	 * Removes the key's row if it has expired, which blocks its insert but is no longer anyone's
	 * result: only after an insert failed, so that a new key costs no delete (issue 19).
	 */
	private boolean forgetExpired(String scope, String key) {
		return jdbc.sql("delete from idempotency_key where scope = :scope and idem_key = :key and created_at < :expired")
			.param("scope", scope)
			.param("key", key)
			.param("expired", Timestamp.from(clock.instant().minus(keep)))
			.update() > 0;
	}

	private <T> T replay(Kept kept, Object request, String hash, Class<T> type) {
		// a key kept before the algorithms changed: its request's hash with the algorithms of then
		CryptoSuite then = CryptoSuite.ofHash(kept.requestHash());
		if (!kept.requestHash().equals(then == cipher.suite() ? hash : hash(then, request))) {
			throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "error.idempotency-key.reused");
		}
		String body = cipher.decrypt(kept.body());
		return type == String.class ? type.cast(body) : json.readValue(body, type);
	}

	private Optional<Kept> find(String scope, String key) {
		return jdbc.sql("select request_hash, body from idempotency_key where scope = :scope and idem_key = :key "
				+ "and created_at >= :since and body is not null")
			.param("scope", scope)
			.param("key", key)
			.param("since", Timestamp.from(clock.instant().minus(keep)))
			.query((rs, row) -> new Kept(rs.getString("request_hash"), rs.getString("body")))
			.optional();
	}

	/** A stable digest of the request: its JSON, or the text itself. */
	private String hash(CryptoSuite suite, Object request) {
		return suite.hash(request instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(request));
	}

	/** A scope part that names a secret (an Open311 key) without keeping it. */
	public String digest(String secret) {
		return cipher.lookupHash(secret).substring(0, 32);
	}

	/** Forgets keys past their time, on one node at a time; lookups ignore them meanwhile. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@SchedulerLock(name = "idempotency-cleanup", lockAtMostFor = "PT10M")
	public void forgetExpired() {
		jdbc.sql("delete from idempotency_key where created_at < :expired")
			.param("expired", Timestamp.from(clock.instant().minus(keep)))
			.update();
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw DomainException.conflict("error.idempotency-key.in-progress");
		}
	}

	private record Kept(String requestHash, String body) {
	}

	/** The key's row exists, committed or not, for another request. */
	private static final class KeyTaken extends RuntimeException {

		KeyTaken() {
			super(null, null, false, false);
		}

	}

}
