package org.grassroots.people.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.grassroots.people.AccessToken;
import org.grassroots.shared.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Personal access tokens, stored only as SHA-256 hashes of their secrets. */
@Repository
public class TokenRepository {

	private static final String SELECT = "select id, name, created_at, last_used_at, revoked_at from access_token";

	private final JdbcClient jdbc;

	TokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long accountId, String name, String hash, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into access_token (account_id, name, token_hash, created_at) values (:account, :name, :hash, :now)")
			.param("account", accountId)
			.param("name", name)
			.param("hash", hash)
			.param("now", Times.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public List<AccessToken> list(long accountId) {
		return jdbc.sql(SELECT + " where account_id = :account order by id desc")
			.param("account", accountId)
			.query((rs, row) -> new AccessToken(rs.getLong("id"), rs.getString("name"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					Times.instant(rs.getObject("last_used_at", OffsetDateTime.class)),
					Times.instant(rs.getObject("revoked_at", OffsetDateTime.class))))
			.list();
	}

	public Optional<AccessToken> find(long id, long accountId) {
		return list(accountId).stream().filter(token -> token.id() == id).findFirst();
	}

	public int revokeAll(long accountId, Instant now) {
		return jdbc.sql("update access_token set revoked_at = :now where account_id = :account and revoked_at is null")
			.param("now", Times.utc(now))
			.param("account", accountId)
			.update();
	}

	public boolean revoke(long id, long accountId, Instant now) {
		return jdbc.sql("update access_token set revoked_at = :now where id = :id and account_id = :account and revoked_at is null")
			.param("now", Times.utc(now))
			.param("id", id)
			.param("account", accountId)
			.update() == 1;
	}

}
