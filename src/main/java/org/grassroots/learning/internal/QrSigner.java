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
 * old poster stops working.
 */
@Component
public class QrSigner {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration rotation;

	private final Duration grace;

	private final SecureRandom random = new SecureRandom();

	QrSigner(JdbcClient jdbc, Clock clock, @Value("${grassroots.learning.qr-rotation:P30D}") Duration rotation,
			@Value("${grassroots.learning.qr-grace:P7D}") Duration grace) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.rotation = rotation;
		this.grace = grace;
	}

	/** A signature and the key that made it. */
	public record Signature(long keyId, String value) {

	}

	private record Key(long id, String secret, Instant createdAt) {

	}

	/** Signs with the newest key, making a new one first when the newest is older than the rotation period. */
	public Signature sign(String subject) {
		Key key = keys().stream().findFirst().filter(newest -> newest.createdAt().plus(rotation).isAfter(clock.instant()))
			.orElseGet(this::newKey);
		return new Signature(key.id(), mac(key.secret(), subject));
	}

	/** @throws DomainException 400 naming why: unknown key or forged signature, or a key past its grace */
	public void verify(String subject, long keyId, String signature) {
		List<Key> keys = keys();
		for (int i = 0; i < keys.size(); i++) {
			Key key = keys.get(i);
			if (key.id() != keyId) {
				continue;
			}
			if (!MessageDigest.isEqual(mac(key.secret(), subject).getBytes(StandardCharsets.UTF_8),
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

	private List<Key> keys() {
		return jdbc.sql("select * from qr_key order by created_at desc, id desc")
			.query((rs, n) -> new Key(rs.getLong("id"), rs.getString("secret"),
					rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

	private Key newKey() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = HexFormat.of().formatHex(bytes);
		jdbc.sql("insert into qr_key (secret, created_at) values (:secret, :at)")
			.param("secret", secret)
			.param("at", Times.utc(clock.instant()))
			.update();
		return keys().get(0);
	}

	private static String mac(String secret, String subject) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
