package org.grassroots.learning.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.grassroots.shared.DomainException;
import org.grassroots.shared.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs what a QR code points at with HMAC-SHA256 under a key that rotates: the newest key signs;
 * an older one is accepted until its successor is older than the grace period, so a photo of an
 * old poster stops working. The keys are kept in memory, each with its own {@code Mac} per thread,
 * and read again when a code names a key this node does not know (another node rotated) or when
 * the copy is older than the refresh period (grassroots.learning.qr-refresh, default PT1M), so a
 * successor made on another node ends its predecessor's grace here within that period.
 */
@Component
public class QrSigner {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration rotation;

	private final Duration grace;

	private final Duration refresh;

	private final SecureRandom random = new SecureRandom();

	private volatile Keys keys = new Keys(List.of(), Instant.MIN);

	QrSigner(JdbcClient jdbc, Clock clock, @Value("${grassroots.learning.qr-rotation:P30D}") Duration rotation,
			@Value("${grassroots.learning.qr-grace:P7D}") Duration grace,
			@Value("${grassroots.learning.qr-refresh:PT1M}") Duration refresh) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.rotation = rotation;
		this.grace = grace;
		this.refresh = refresh;
	}

	/** The keys newest first, as read at {@code readAt}. */
	private record Keys(List<Key> list, Instant readAt) {

	}

	/** A signature and the key that made it. */
	public record Signature(long keyId, String value) {

	}

	/** A key with a {@code Mac} per thread: a {@code Mac} is not thread-safe, and making one costs more than using it. */
	private record Key(long id, Instant createdAt, ThreadLocal<Mac> mac) {

		static Key of(long id, String secret, Instant createdAt) {
			return new Key(id, createdAt, ThreadLocal.withInitial(() -> newMac(secret)));
		}

		String sign(String subject) {
			byte[] digest = mac.get().doFinal(subject.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
		}

	}

	/** Signs with the newest key, making a new one first when the newest is older than the rotation period. */
	public Signature sign(String subject) {
		Key key = current().stream().findFirst().filter(this::fresh)
			.or(() -> reload().stream().findFirst().filter(this::fresh))
			.orElseGet(this::newKey);
		return new Signature(key.id(), key.sign(subject));
	}

	/** @throws DomainException 400 naming why: unknown key or forged signature, or a key past its grace */
	public void verify(String subject, long keyId, String signature) {
		List<Key> keys = current();
		if (keys.stream().noneMatch(key -> key.id() == keyId)) {
			keys = reload();
		}
		for (int i = 0; i < keys.size(); i++) {
			Key key = keys.get(i);
			if (key.id() != keyId) {
				continue;
			}
			if (!MessageDigest.isEqual(key.sign(subject).getBytes(StandardCharsets.UTF_8),
					signature.getBytes(StandardCharsets.UTF_8))) {
				throw DomainException.invalid("learning.error.qr-forged");
			}
			boolean superseded = i > 0 && keys.get(i - 1).createdAt().plus(grace).isBefore(clock.instant());
			if (superseded) {
				throw DomainException.invalid("learning.error.qr-expired");
			}
			return;
		}
		throw DomainException.invalid("learning.error.qr-forged");
	}

	/** Makes a new signing key now, e.g. after a poster leaked. */
	public void rotate() {
		newKey();
	}

	/** Reads the keys again now, e.g. after they were changed outside this node. */
	public void refresh() {
		reload();
	}

	private boolean fresh(Key newest) {
		return newest.createdAt().plus(rotation).isAfter(clock.instant());
	}

	private List<Key> current() {
		Keys kept = keys;
		return kept.readAt().plus(refresh).isAfter(clock.instant()) ? kept.list() : reload();
	}

	private List<Key> reload() {
		Instant now = clock.instant();
		List<Key> read = jdbc.sql("select id, secret, created_at from qr_key order by created_at desc, id desc")
			.query((rs, n) -> Key.of(rs.getLong("id"), rs.getString("secret"),
					rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
			.list();
		keys = new Keys(read, now);
		return read;
	}

	private Key newKey() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = HexFormat.of().formatHex(bytes);
		jdbc.sql("insert into qr_key (secret, created_at) values (:secret, :at)")
			.param("secret", secret)
			.param("at", Times.utc(clock.instant()))
			.update();
		return reload().get(0);
	}

	private static Mac newMac(String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac;
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
