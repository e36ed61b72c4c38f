package org.grassroots.open311.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.open311.ApiKey;
import org.grassroots.shared.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Open311 keys, stored as SHA-256 hashes. */
@Repository
public class KeyRepository {

	private final JdbcClient jdbc;

	public KeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String name, String hash, String prefix, String createdBy, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into open311_key (name, key_hash, key_prefix, created_by, created_at)
				values (:name, :hash, :prefix, :by, :at)
				""")
			.param("name", name)
			.param("hash", hash)
			.param("prefix", prefix)
			.param("by", createdBy)
			.param("at", Times.utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	public List<ApiKey> all() {
		return jdbc.sql("select * from open311_key order by id desc").query(KeyRepository::map).list();
	}

	public Optional<ApiKey> find(long id) {
		return jdbc.sql("select * from open311_key where id = :id").param("id", id).query(KeyRepository::map).optional();
	}

	public Optional<ApiKey> findActiveByHash(String hash) {
		return jdbc.sql("select * from open311_key where key_hash = :hash and revoked_at is null")
			.param("hash", hash)
			.query(KeyRepository::map)
			.optional();
	}

	public boolean revoke(long id, Instant at) {
		return jdbc.sql("update open311_key set revoked_at = :at where id = :id and revoked_at is null")
			.param("at", Times.utc(at))
			.param("id", id)
			.update() == 1;
	}

	private static ApiKey map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"), rs.getString("created_by"),
				rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
				Times.instant(rs.getObject("revoked_at", java.time.OffsetDateTime.class)),
				Times.instant(rs.getObject("last_used_at", java.time.OffsetDateTime.class)));
	}

}
