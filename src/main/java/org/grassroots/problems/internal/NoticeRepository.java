package org.grassroots.problems.internal;

import java.time.Instant;
import java.util.List;

import org.grassroots.problems.Notice;
import org.grassroots.shared.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The in-app inbox: notices to a unit, read markers per person. */
@Repository
public class NoticeRepository {

	private final JdbcClient jdbc;

	public NoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a notice once: a redelivered event finds its dedupe key taken and adds nothing. */
	public void insert(String unitPath, String kind, long problemId, String ledgerNo, String title, String dedupeKey,
			Instant at) {
		boolean known = jdbc.sql("select count(*) from notification where dedupe_key = :key")
			.param("key", dedupeKey)
			.query(Integer.class)
			.single() > 0;
		if (known) {
			return;
		}
		jdbc.sql("""
				insert into notification (unit_path, kind, problem_id, ledger_no, title, dedupe_key, created_at)
				values (:path, :kind, :problem, :ledger, :title, :key, :at)
				""")
			.param("path", unitPath)
			.param("kind", kind)
			.param("problem", problemId)
			.param("ledger", ledgerNo)
			.param("title", title)
			.param("key", dedupeKey)
			.param("at", Times.utc(at))
			.update();
	}

	public List<Notice> inbox(String unitPath, long accountId, int limit) {
		return jdbc.sql("""
				select n.*, (select count(*) from notification_read r where r.notification_id = n.id and r.account_id = :account) as seen
				from notification n where n.unit_path = :path order by n.id desc
				""")
			.param("path", unitPath)
			.param("account", accountId)
			.withMaxRows(limit)
			.query((rs, row) -> new Notice(rs.getLong("id"), rs.getString("kind"), rs.getLong("problem_id"),
					rs.getString("ledger_no"), rs.getString("title"), ProblemRepository.instant(rs, "created_at"),
					rs.getInt("seen") > 0))
			.list();
	}

	public int unread(String unitPath, long accountId) {
		return jdbc.sql("""
				select count(*) from notification n where n.unit_path = :path
				and not exists (select 1 from notification_read r where r.notification_id = n.id and r.account_id = :account)
				""")
			.param("path", unitPath)
			.param("account", accountId)
			.query(Integer.class)
			.single();
	}

	public void markAllRead(String unitPath, long accountId, Instant at) {
		jdbc.sql("""
				insert into notification_read (notification_id, account_id, read_at)
				select n.id, :account, :at from notification n where n.unit_path = :path
				and not exists (select 1 from notification_read r where r.notification_id = n.id and r.account_id = :account)
				""")
			.param("path", unitPath)
			.param("account", accountId)
			.param("at", Times.utc(at))
			.update();
	}

}
