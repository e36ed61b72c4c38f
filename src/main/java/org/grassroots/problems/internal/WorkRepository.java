package org.grassroots.problems.internal;

import static org.grassroots.problems.internal.ProblemRepository.instant;
import static org.grassroots.problems.internal.ProblemRepository.nullableInstant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.problems.Attachment;
import org.grassroots.problems.Category;
import org.grassroots.problems.Supervision;
import org.grassroots.problems.Summons;
import org.grassroots.shared.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Categories, attachments, supervisions and summons: the tables around a problem. */
@Repository
public class WorkRepository {

	private final JdbcClient jdbc;

	public WorkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Category> categories() {
		return jdbc.sql("select * from problem_category order by sort_order, code").query(WorkRepository::category).list();
	}

	public Optional<Category> category(String code) {
		return jdbc.sql("select * from problem_category where code = :code").param("code", code)
			.query(WorkRepository::category)
			.optional();
	}

	public boolean updateCategory(Category category) {
		return jdbc.sql("""
				update problem_category set name_zh = :nameZh, name_en = :nameEn, response_hours = :response,
				  emergency_hours = :emergency, utility_hours = :utility, general_hours = :general,
				  complex_hours = :complex, version = version + 1
				where code = :code and version = :version
				""")
			.param("nameZh", category.nameZh().trim())
			.param("nameEn", category.nameEn().trim())
			.param("response", category.responseHours())
			.param("emergency", category.emergencyHours())
			.param("utility", category.utilityHours())
			.param("general", category.generalHours())
			.param("complex", category.complexHours())
			.param("code", category.code())
			.param("version", category.version())
			.update() == 1;
	}

	private static Category category(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Category(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				rs.getInt("response_hours"), rs.getInt("emergency_hours"), rs.getInt("utility_hours"),
				rs.getInt("general_hours"), rs.getInt("complex_hours"), rs.getInt("sort_order"), rs.getInt("version"));
	}

	public long insertAttachment(long problemId, String purpose, String fileName, String contentType, long size,
			String sha256, String storageKey, String uploadedBy, Instant at, boolean filePublic) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into problem_attachment (problem_id, purpose, file_name, content_type, size_bytes, sha256,
				  storage_key, uploaded_by, uploaded_at, file_public)
				values (:problem, :purpose, :name, :type, :size, :sha, :key, :by, :at, :public)
				""")
			.param("problem", problemId)
			.param("purpose", purpose)
			.param("name", fileName)
			.param("type", contentType)
			.param("size", size)
			.param("sha", sha256)
			.param("key", storageKey)
			.param("by", uploadedBy)
			.param("at", Times.utc(at))
			.param("public", filePublic)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** Shows a file to the public or withdraws it; false when the problem has no such file. */
	public boolean markPublic(long problemId, long id, boolean filePublic) {
		return jdbc.sql("update problem_attachment set file_public = :public where problem_id = :problem and id = :id")
			.param("public", filePublic)
			.param("problem", problemId)
			.param("id", id)
			.update() == 1;
	}

	/** The files of a problem that staff marked public, oldest first. */
	public List<Attachment> publicAttachments(long problemId) {
		return jdbc.sql("select * from problem_attachment where problem_id = :id and file_public = true order by id")
			.param("id", problemId)
			.query(WorkRepository::attachment)
			.list();
	}

	public List<Attachment> attachments(long problemId) {
		return jdbc.sql("select * from problem_attachment where problem_id = :id order by id").param("id", problemId)
			.query(WorkRepository::attachment)
			.list();
	}

	/** The attachment and where its bytes are stored. */
	public record StoredAttachment(Attachment attachment, String storageKey) {

	}

	public Optional<StoredAttachment> attachment(long problemId, long id) {
		return jdbc.sql("select * from problem_attachment where problem_id = :problem and id = :id")
			.param("problem", problemId)
			.param("id", id)
			.query((rs, n) -> new StoredAttachment(attachment(rs, n), rs.getString("storage_key")))
			.optional();
	}

	private static Attachment attachment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Attachment(rs.getLong("id"), rs.getLong("problem_id"), rs.getString("purpose"),
				rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getString("uploaded_by"), instant(rs, "uploaded_at"), rs.getBoolean("file_public"));
	}

	public void insertSupervision(long problemId, long unitId, String unitName, String reason, boolean automatic,
			String issuedBy, Instant at) {
		jdbc.sql("""
				insert into supervision (problem_id, unit_id, unit_name, reason, automatic, issued_by, issued_at)
				values (:problem, :unit, :name, :reason, :automatic, :by, :at)
				""")
			.param("problem", problemId)
			.param("unit", unitId)
			.param("name", unitName)
			.param("reason", reason)
			.param("automatic", automatic)
			.param("by", issuedBy)
			.param("at", Times.utc(at))
			.update();
	}

	public List<Supervision> supervisions(long problemId) {
		return jdbc.sql("select * from supervision where problem_id = :id order by id").param("id", problemId)
			.query((rs, n) -> new Supervision(rs.getLong("id"), rs.getLong("problem_id"), rs.getString("unit_name"),
					rs.getString("reason"), rs.getBoolean("automatic"), rs.getString("issued_by"), instant(rs, "issued_at"),
					nullableInstant(rs, "resolved_at")))
			.list();
	}

	public void resolveSupervisions(long problemId, Instant at) {
		jdbc.sql("update supervision set resolved_at = :at where problem_id = :id and resolved_at is null")
			.param("at", Times.utc(at))
			.param("id", problemId)
			.update();
	}

	public long insertSummons(long problemId, long streetUnitId, String reason, boolean emergency, Instant dueAt,
			String issuedBy, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into summons (problem_id, street_unit_id, reason, emergency, due_at, issued_by, issued_at)
				values (:problem, :street, :reason, :emergency, :due, :by, :at)
				""")
			.param("problem", problemId)
			.param("street", streetUnitId)
			.param("reason", reason)
			.param("emergency", emergency)
			.param("due", Times.utc(dueAt))
			.param("by", issuedBy)
			.param("at", Times.utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	public void insertSummonedDepartment(long summonsId, long unitId, String unitPath, String unitName) {
		jdbc.sql("""
				insert into summons_department (summons_id, unit_id, unit_path, unit_name)
				values (:summons, :unit, :path, :name)
				""")
			.param("summons", summonsId)
			.param("unit", unitId)
			.param("path", unitPath)
			.param("name", unitName)
			.update();
	}

	public List<Summons> summonses(long problemId) {
		return jdbc.sql("select * from summons where problem_id = :id order by id").param("id", problemId)
			.query((rs, n) -> new Summons(rs.getLong("id"), rs.getLong("problem_id"), rs.getLong("street_unit_id"),
					rs.getString("reason"), rs.getBoolean("emergency"), instant(rs, "due_at"), rs.getString("issued_by"),
					instant(rs, "issued_at"), nullableInstant(rs, "closed_at"), List.of()))
			.list()
			.stream()
			.map(summons -> new Summons(summons.id(), summons.problemId(), summons.streetUnitId(), summons.reason(),
					summons.emergency(), summons.dueAt(), summons.issuedBy(), summons.issuedAt(), summons.closedAt(),
					departments(summons.id())))
			.toList();
	}

	private List<Summons.Department> departments(long summonsId) {
		return jdbc.sql("select * from summons_department where summons_id = :id order by unit_name")
			.param("id", summonsId)
			.query((rs, n) -> new Summons.Department(rs.getLong("unit_id"), rs.getString("unit_path"),
					rs.getString("unit_name"), nullableInstant(rs, "reported_at"), rs.getString("person"),
					nullableInstant(rs, "acted_at"), rs.getString("action_note"), rs.getBoolean("overdue")))
			.list();
	}

	/** Records a department's report-in once; false when it had already reported in. */
	public boolean reportIn(long summonsId, String unitPath, String person, Instant at) {
		return jdbc.sql("""
				update summons_department set reported_at = :at, person = :person
				where summons_id = :summons and unit_path = :path and reported_at is null
				""")
			.param("at", Times.utc(at))
			.param("person", person)
			.param("summons", summonsId)
			.param("path", unitPath)
			.update() == 1;
	}

	public boolean actOnSummons(long summonsId, String unitPath, String note, Instant at) {
		return jdbc.sql("""
				update summons_department set acted_at = :at, action_note = :note
				where summons_id = :summons and unit_path = :path and reported_at is not null and acted_at is null
				""")
			.param("at", Times.utc(at))
			.param("note", note)
			.param("summons", summonsId)
			.param("path", unitPath)
			.update() == 1;
	}

	/** Closes the summons when every department has reported in and acted. */
	public boolean closeSummonsIfDone(long summonsId, Instant at) {
		return jdbc.sql("""
				update summons set closed_at = :at where id = :id and closed_at is null
				and not exists (select 1 from summons_department d where d.summons_id = :id and d.acted_at is null)
				""")
			.param("at", Times.utc(at))
			.param("id", summonsId)
			.update() == 1;
	}


	/** The open summons on a problem that this department has not finished, if any. */
	public Optional<Long> pendingSummons(long problemId, String unitPath) {
		return jdbc.sql("""
				select s.id from summons s join summons_department d on d.summons_id = s.id
				where s.problem_id = :problem and d.unit_path = :path and s.closed_at is null and d.acted_at is null
				order by s.id
				""")
			.param("problem", problemId)
			.param("path", unitPath)
			.withMaxRows(1)
			.query(Long.class)
			.optional();
	}

	/** Flags report-ins past their limit. */
	public int flagOverdueReportIns(Instant now) {
		return jdbc.sql("""
				update summons_department set overdue = true where overdue = false and reported_at is null
				and summons_id in (select id from summons where closed_at is null and due_at < :now)
				""").param("now", Times.utc(now)).update();
	}

}
