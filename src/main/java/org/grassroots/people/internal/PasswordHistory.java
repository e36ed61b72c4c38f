package org.grassroots.people.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.grassroots.shared.DomainException;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The passwords a person chose, as hashes: a new one may not be any of the last {@value #KEPT}
 * (level 3), and with {@code grassroots.passwords.max-age} set a password older than that must be
 * changed before anything else. One-time passwords are never kept: they were not chosen.
 */
@Component
public class PasswordHistory {

	/** How many chosen passwords a new one is compared with, the current one included. */
	public static final int KEPT = 5;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final @Nullable Duration maxAge;

	PasswordHistory(JdbcClient jdbc, PasswordEncoder passwords,
			@Value("${grassroots.passwords.max-age:}") @Nullable Duration maxAge) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.maxAge = maxAge == null || maxAge.isZero() || maxAge.isNegative() ? null : maxAge;
	}

	/** Refuses a password the person used among their last {@value #KEPT}. */
	public void refuseReuse(long accountId, String candidate) {
		List<String> recent = jdbc.sql("""
				select password_hash from password_history where account_id = :account
				order by set_at desc, id desc fetch first %d rows only
				""".formatted(KEPT))
			.param("account", accountId)
			.query(String.class)
			.list();
		if (recent.stream().anyMatch(hash -> passwords.matches(candidate, hash))) {
			throw DomainException.invalid("people.error.recent-password", KEPT);
		}
	}

	/** Keeps a newly chosen password's hash, forgetting those beyond the last {@value #KEPT}. */
	public void record(long accountId, String hash, Instant at) {
		jdbc.sql("insert into password_history (account_id, password_hash, set_at) values (:account, :hash, :at)")
			.param("account", accountId)
			.param("hash", hash)
			.param("at", Times.utc(at))
			.update();
		jdbc.sql("""
				delete from password_history where account_id = :account and id not in (
				    select id from password_history where account_id = :account
				    order by set_at desc, id desc fetch first %d rows only)
				""".formatted(KEPT))
			.param("account", accountId)
			.update();
	}

	/** Whether a password chosen then has expired by now; never when no maximum age is set. */
	public boolean expired(@Nullable Instant setAt, Instant now) {
		return maxAge != null && setAt != null && !setAt.plus(maxAge).isAfter(now);
	}

	public @Nullable Duration maxAge() {
		return maxAge;
	}

}
