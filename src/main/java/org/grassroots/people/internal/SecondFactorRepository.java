package org.grassroots.people.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An account's authenticator secret (encrypted with the field key) and recovery codes (hashed). */
@Repository
public class SecondFactorRepository {

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	SecondFactorRepository(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** Whether the account has a confirmed secret: asked at every sign-in, so nothing is decrypted. */
	public boolean on(long accountId) {
		return jdbc.sql("select count(*) from account where id = :id and totp_secret_cipher is not null")
			.param("id", accountId)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<String> secret(long accountId) {
		return column(accountId, "totp_secret_cipher");
	}

	public Optional<String> pending(long accountId) {
		return column(accountId, "totp_pending_cipher");
	}

	public void setPending(long accountId, String secret) {
		jdbc.sql("update account set totp_pending_cipher = :secret where id = :id")
			.param("secret", cipher.encrypt(secret))
			.param("id", accountId)
			.update();
	}

	/**
	 * Takes a step's code once: false when this or a later step was already used, so a code seen
	 * over someone's shoulder cannot sign in again.
	 */
	public boolean useStep(long accountId, long step) {
		return jdbc.sql("update account set totp_last_step = :step where id = :id and totp_last_step < :step")
			.param("step", step)
			.param("id", accountId)
			.update() == 1;
	}

	/** Takes an unused recovery code; false when there is none with this hash. */
	/** @param hashes the hashes the code may be stored under (one per algorithm suite) */
	public boolean useRecoveryCode(long accountId, List<String> hashes, Instant now) {
		return jdbc.sql("""
				update recovery_code set used_at = :now where account_id = :id and code_hash in (:hashes) and used_at is null
				""")
			.param("now", Times.utc(now))
			.param("id", accountId)
			.param("hashes", hashes)
			.update() == 1;
	}

	public void replaceRecoveryCodes(long accountId, List<String> hashes) {
		deleteRecoveryCodes(accountId);
		for (String hash : hashes) {
			jdbc.sql("insert into recovery_code (account_id, code_hash) values (:id, :hash)")
				.param("id", accountId)
				.param("hash", hash)
				.update();
		}
	}

	public void deleteRecoveryCodes(long accountId) {
		jdbc.sql("delete from recovery_code where account_id = :id").param("id", accountId).update();
	}

	public int recoveryCodesLeft(long accountId) {
		return jdbc.sql("select count(*) from recovery_code where account_id = :id and used_at is null")
			.param("id", accountId)
			.query(Integer.class)
			.single();
	}

	private Optional<String> column(long accountId, String column) {
		return jdbc.sql("select " + column + " from account where id = :id and " + column + " is not null")
			.param("id", accountId)
			.query(String.class)
			.optional()
			.map(cipher::decrypt);
	}

}
