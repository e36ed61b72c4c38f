package org.grassroots.dashboard.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.grassroots.dashboard.MonthlyReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The kept monthly reports (table dash_report): the PDF bytes are read only for a download. */
@Repository
public class ReportRepository {

	private static final String COLUMNS = "id, unit_code, month_key, edition, made_at, made_by, size_bytes, millis";

	private final JdbcClient jdbc;

	ReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A kept report with the path of its unit, so a reader's scope can be checked. */
	public record Stored(MonthlyReport report, String unitPath) {

	}

	public boolean exists(String unitCode, YearMonth month, int edition) {
		return jdbc.sql("select count(*) from dash_report where unit_code = ? and month_key = ? and edition = ?")
			.params(unitCode, Fact.key(month), edition)
			.query(Long.class)
			.single() > 0;
	}

	public int nextEdition(String unitCode, YearMonth month) {
		return jdbc.sql("select coalesce(max(edition), 0) + 1 from dash_report where unit_code = ? and month_key = ?")
			.params(unitCode, Fact.key(month))
			.query(Integer.class)
			.single();
	}

	/** Inserts a report; a second insert of the same unit, month and edition fails on the unique key. */
	public long insert(String unitCode, String unitPath, YearMonth month, int edition, Instant madeAt, String madeBy,
			int millis, byte[] pdf) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into dash_report (unit_code, unit_path, month_key, edition, made_at, made_by, millis, size_bytes, pdf)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(unitCode, unitPath, Fact.key(month), edition, Timestamp.from(madeAt), madeBy, millis, pdf.length, pdf)
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/** A unit's reports, newest month first, then newest edition first. */
	public List<MonthlyReport> ofUnit(String unitCode, int limit) {
		return jdbc.sql("select " + COLUMNS + " from dash_report where unit_code = ? order by month_key desc, edition desc"
				+ " fetch first " + limit + " rows only")
			.param(unitCode)
			.query((rs, i) -> report(rs))
			.list();
	}

	public Optional<Stored> find(long id) {
		return jdbc.sql("select " + COLUMNS + ", unit_path from dash_report where id = ?")
			.param(id)
			.query((rs, i) -> new Stored(report(rs), rs.getString("unit_path")))
			.optional();
	}

	public byte[] pdf(long id) {
		return jdbc.sql("select pdf from dash_report where id = ?").param(id).query((rs, i) -> rs.getBytes(1)).single();
	}

	private static MonthlyReport report(java.sql.ResultSet rs) throws java.sql.SQLException {
		int key = rs.getInt("month_key");
		return new MonthlyReport(rs.getLong("id"), rs.getString("unit_code"), YearMonth.of(key / 100, key % 100),
				rs.getInt("edition"), rs.getTimestamp("made_at").toInstant(), rs.getString("made_by"),
				rs.getInt("size_bytes"), rs.getInt("millis"));
	}

}
