package org.grassroots.outbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.grassroots.outbox.Channel;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox's rows: written with their cause, claimed by a sender, marked sent, failed or dropped. */
@Repository
public class OutboxRepository {

	/** Due: pending and its time has come, or held by a claim whose lease ran out (its node died). */
	private static final String DUE = "((state = 'PENDING' and due_at <= :now) or (state = 'SENDING' and lease_until < :now))";

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A claimed row, with the recipient and params still encrypted. */
	public record Claimed(long id, String kind, Channel channel, String recipientCipher, String recipientHash,
			String locale, @Nullable String paramsCipher, int attempts) {

	}

	/** A row as administrators see it, the recipient still encrypted. */
	public record Listed(long id, String kind, Channel channel, String recipientCipher, String state, int attempts,
			@Nullable String lastError, Instant createdAt, Instant dueAt, @Nullable Instant sentAt, String unitPath,
			@Nullable Long problemId, int version) {

	}

	/** Adds a message once: a row with the same dedupe key already there adds nothing. */
	public boolean insert(Map<String, @Nullable Object> row) {
		return jdbc.sql("""
				insert into outbox_message (kind, channel, recipient_cipher, recipient_hash, account_id, locale, params,
				  unit_path, problem_id, dedupe_key, state, emergency, attempts, due_at, stop_hash, created_at)
				select :kind, :channel, :recipient_cipher, :recipient_hash, :account_id, :locale, :params, :unit_path,
				  :problem_id, :dedupe_key, 'PENDING', :emergency, 0, :due_at, :stop_hash, :created_at
				where not exists (select 1 from outbox_message d where d.dedupe_key = :dedupe_key)
				""").params(row).update() == 1;
	}

	/**
	 * Claims up to {@code limit} due rows for {@code claim} in one statement. The condition is
	 * checked again on each row as it is locked, so a row another node claimed meanwhile is not
	 * taken twice: that node's update committed first and made it no longer due.
	 */
	public int claim(String claim, Instant now, Instant leaseUntil, int limit) {
		return jdbc.sql("update outbox_message set state = 'SENDING', claim = :claim, lease_until = :until,"
				+ " attempts = attempts + 1 where id in (select id from outbox_message where " + DUE
				+ " order by due_at fetch first " + limit + " rows only) and " + DUE)
			.param("claim", claim)
			.param("until", Times.utc(leaseUntil))
			.param("now", Times.utc(now))
			.update();
	}

	public List<Claimed> claimed(String claim) {
		return jdbc.sql("select * from outbox_message where claim = :claim and state = 'SENDING' order by id")
			.param("claim", claim)
			.query((rs, n) -> new Claimed(rs.getLong("id"), rs.getString("kind"), Channel.valueOf(rs.getString("channel")),
					rs.getString("recipient_cipher"), rs.getString("recipient_hash"), rs.getString("locale"),
					rs.getString("params"), rs.getInt("attempts")))
			.list();
	}

	/** Sent: the content is no longer kept, only that it went. False when the claim was lost. */
	public boolean sent(long id, String claim, @Nullable String providerId, Instant at) {
		return jdbc.sql("""
				update outbox_message set state = 'SENT', sent_at = :at, provider_id = :provider, params = null,
				  claim = null, lease_until = null, last_error = null, version = version + 1
				where id = :id and claim = :claim and state = 'SENDING'
				""")
			.param("at", Times.utc(at))
			.param("provider", providerId)
			.param("id", id)
			.param("claim", claim)
			.update() == 1;
	}

	/** A failed attempt: tried again at {@code retryAt}, or failed for good when that is null. */
	public void failed(long id, String claim, String reason, @Nullable Instant retryAt) {
		jdbc.sql("""
				update outbox_message set state = :state, due_at = coalesce(:retry, due_at), last_error = :reason,
				  claim = null, lease_until = null, version = version + 1
				where id = :id and claim = :claim and state = 'SENDING'
				""")
			.param("state", retryAt == null ? "FAILED" : "PENDING")
			.param("retry", retryAt == null ? null : Times.utc(retryAt))
			.param("reason", reason.length() > 500 ? reason.substring(0, 500) : reason)
			.param("id", id)
			.param("claim", claim)
			.update();
	}

	/** Not sent, and never will be: the recipient stopped messages. */
	public void dropClaimed(long id, String claim, String reason) {
		jdbc.sql("""
				update outbox_message set state = 'DROPPED', last_error = :reason, params = null, claim = null,
				  lease_until = null, version = version + 1
				where id = :id and claim = :claim and state = 'SENDING'
				""").param("reason", reason).param("id", id).param("claim", claim).update();
	}

	/** Drops what is still waiting for a recipient who stopped messages on a channel. */
	public int dropWaiting(List<String> recipientHashes, Channel channel, String reason) {
		return jdbc.sql("""
				update outbox_message set state = 'DROPPED', last_error = :reason, params = null, version = version + 1
				where recipient_hash in (:hashes) and channel = :channel and state = 'PENDING'
				""")
			.param("reason", reason)
			.param("hashes", recipientHashes)
			.param("channel", channel.name())
			.update();
	}

	public boolean optedOut(List<String> recipientHashes, Channel channel) {
		return jdbc.sql("select count(*) from outbox_opt_out where recipient_hash in (:hashes) and channel = :channel")
			.param("hashes", recipientHashes)
			.param("channel", channel.name())
			.query(Integer.class)
			.single() > 0;
	}

	/** Drops what is still waiting of a kind about a problem, which its cause no longer wants. */
	public int dropWaiting(long problemId, String kind, String reason) {
		return jdbc.sql("""
				update outbox_message set state = 'DROPPED', last_error = :reason, params = null, version = version + 1
				where problem_id = :problem and kind = :kind and state = 'PENDING'
				""")
			.param("reason", reason)
			.param("problem", problemId)
			.param("kind", kind)
			.update();
	}

	/** Records an opt-out once; false when the recipient had already stopped this channel. */
	public boolean optOut(String recipientCipher, String recipientHash, Channel channel, String how, Instant at) {
		return jdbc.sql("""
				insert into outbox_opt_out (recipient_cipher, recipient_hash, channel, how, created_at)
				select :cipher, :hash, :channel, :how, :at
				where not exists (select 1 from outbox_opt_out o where o.recipient_hash = :hash and o.channel = :channel)
				""")
			.param("cipher", recipientCipher)
			.param("hash", recipientHash)
			.param("channel", channel.name())
			.param("how", how)
			.param("at", Times.utc(at))
			.update() == 1;
	}

	/** The message a stop link came with: its recipient, channel and unit. */
	public record Stopping(long id, String recipientCipher, String recipientHash, Channel channel, String unitPath) {

	}

	public @Nullable Stopping byStopHashes(List<String> hashes) {
		return jdbc.sql("select id, recipient_cipher, recipient_hash, channel, unit_path from outbox_message"
				+ " where stop_hash in (:hashes) order by id desc fetch first 1 rows only")
			.param("hashes", hashes)
			.query((rs, n) -> new Stopping(rs.getLong("id"), rs.getString("recipient_cipher"),
					rs.getString("recipient_hash"), Channel.valueOf(rs.getString("channel")), rs.getString("unit_path")))
			.optional()
			.orElse(null);
	}

	/** The newest unit path a recipient had messages about, for the audit record of a reply. */
	public @Nullable String unitPathOf(List<String> recipientHashes) {
		return jdbc.sql("select unit_path from outbox_message where recipient_hash in (:hashes) order by id desc"
				+ " fetch first 1 rows only")
			.param("hashes", recipientHashes)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** Messages per state within the scope. */
	public Map<String, Integer> counts(SqlCondition inScope) {
		Map<String, Integer> counts = new java.util.LinkedHashMap<>();
		jdbc.sql("select state, count(*) as n from outbox_message where " + inScope.sql() + " group by state")
			.params(inScope.params())
			.query((ResultSet rs) -> {
				counts.put(rs.getString("state"), rs.getInt("n"));
			});
		return counts;
	}

	public List<Listed> list(SqlCondition inScope, @Nullable String state, int limit) {
		return jdbc.sql("select * from outbox_message where " + inScope.sql()
				+ (state == null ? "" : " and state = :state") + " order by id desc fetch first " + limit + " rows only")
			.params(inScope.params())
			.param("state", state)
			.query((rs, n) -> listed(rs))
			.list();
	}

	public @Nullable Listed find(long id, SqlCondition inScope) {
		return jdbc.sql("select * from outbox_message where id = :id and " + inScope.sql())
			.params(inScope.params())
			.param("id", id)
			.query((rs, n) -> listed(rs))
			.optional()
			.orElse(null);
	}

	/**
	 * A failed message sent again from the start; only from FAILED and at the version shown.
	 * Its content is still there: a failed message keeps it.
	 */
	public boolean retry(long id, int version, Instant now) {
		return jdbc.sql("""
				update outbox_message set state = 'PENDING', attempts = 0, due_at = :now, last_error = null,
				  version = version + 1
				where id = :id and version = :version and state = 'FAILED'
				""").param("now", Times.utc(now)).param("id", id).param("version", version).update() == 1;
	}

	private static Listed listed(ResultSet rs) throws SQLException {
		return new Listed(rs.getLong("id"), rs.getString("kind"), Channel.valueOf(rs.getString("channel")),
				rs.getString("recipient_cipher"), rs.getString("state"), rs.getInt("attempts"),
				rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "due_at"),
				Times.instant(rs.getObject("sent_at", java.time.OffsetDateTime.class)),
				rs.getString("unit_path"), (Long) rs.getObject("problem_id", Long.class), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, java.time.OffsetDateTime.class).toInstant();
	}

}
