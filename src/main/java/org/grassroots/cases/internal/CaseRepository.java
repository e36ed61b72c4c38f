package org.grassroots.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.grassroots.cases.CaseFilter;
import org.grassroots.cases.CasePhoto;
import org.grassroots.cases.CaseReach;
import org.grassroots.cases.CaseSource;
import org.grassroots.cases.CaseState;
import org.grassroots.cases.TypicalCase;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.PathRewrite;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.grassroots.shared.VersionedUpdate;
import org.grassroots.shared.files.FileStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Typical cases and their photos; every read for a person carries the visibility rule in its SQL. */
@Repository
public class CaseRepository {

	public static final int PAGE_SIZE = 20;

	private final JdbcClient jdbc;

	public CaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The writer's fields of a case, for an insert or an edit. */
	public record Fields(String title, String categoryCode, String background, String actions, String result,
			@Nullable String lessons, CaseReach reach) {

	}

	public long insert(Fields fields, CaseSource kind, long sourceId, String sourceRef, long unitId, String unitPath,
			String by, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into typical_case (title, category_code, source_kind, source_id, source_ref, background, actions,
				  result, lessons, reach, state, unit_id, unit_path, written_by, created_at, updated_at)
				values (:title, :category, :kind, :sourceId, :sourceRef, :background, :actions, :result, :lessons, :reach,
				  'DRAFT', :unitId, :path, :by, :at, :at)
				""")
			.params(fieldParams(fields))
			.param("kind", kind.name())
			.param("sourceId", sourceId)
			.param("sourceRef", sourceRef)
			.param("unitId", unitId)
			.param("path", unitPath)
			.param("by", by)
			.param("at", Times.utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** The writer's changes, only if nobody changed the case since the given version. */
	public boolean edit(long id, int version, Fields fields, Instant at) {
		return jdbc.sql("""
				update typical_case set title = :title, category_code = :category, background = :background,
				  actions = :actions, result = :result, lessons = :lessons, reach = :reach, updated_at = :at,
				  version = version + 1
				where id = :id and version = :version
				""")
			.params(fieldParams(fields))
			.param("at", Times.utc(at))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** A change of state (and what goes with it), only from the given version. */
	public boolean move(long id, int version, Map<String, @Nullable Object> changes, Instant at) {
		return VersionedUpdate.apply(jdbc, "typical_case", id, version, changes, at);
	}

	/** Bumps the version and time: a photo added changes the case. */
	public boolean touch(long id, int version, Instant at) {
		return move(id, version, Map.of(), at);
	}

	public Optional<TypicalCase> find(long id) {
		return jdbc.sql("select * from typical_case c where c.id = :id").param("id", id).query(CaseRepository::map).optional();
	}

	/** The case if the person may read it (see {@link #visible}). */
	public Optional<TypicalCase> find(long id, CurrentUser user) {
		SqlCondition visible = visible(user);
		return jdbc.sql("select * from typical_case c where c.id = :id and " + visible.sql())
			.params(visible.params())
			.param("id", id)
			.query(CaseRepository::map)
			.optional();
	}

	/** One page of the cases the filter finds among those the person may read, newest change first. */
	public List<TypicalCase> search(CaseFilter filter, @Nullable String unitPrefix, CurrentUser user, int page) {
		SqlCondition where = where(filter, unitPrefix, user);
		return jdbc.sql("select * from typical_case c where " + where.sql()
				+ " order by coalesce(c.published_at, c.updated_at) desc, c.id desc limit " + (PAGE_SIZE + 1) + " offset "
				+ Math.max(page, 0) * PAGE_SIZE)
			.params(where.params())
			.query(CaseRepository::map)
			.list();
	}

	/**
	 * Who may read a case: a published case reaching the city, any staff member; a published case
	 * reaching a subtree, those whose scope covers the writing unit or whose own unit lies in its
	 * subtree; anything else, the writing unit and the units above it, within scope.
	 */
	static SqlCondition visible(CurrentUser user) {
		if (!user.isStaff()) {
			return SqlCondition.never();
		}
		SqlCondition scope = user.scope().on("c.unit_path", "cscope");
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("mine", user.unitPath());
		params.put("mineBelow", user.unitPath() + "%");
		String sql = "((c.state = 'PUBLISHED' and (c.reach = 'CITY' or " + scope.sql()
				+ " or :mine like c.unit_path || '%')) or (c.unit_path like :mineBelow and " + scope.sql() + "))";
		return new SqlCondition(sql, params);
	}

	private static SqlCondition where(CaseFilter filter, @Nullable String unitPrefix, CurrentUser user) {
		SqlCondition visible = visible(user);
		List<String> terms = new ArrayList<>(List.of(visible.sql()));
		Map<String, Object> params = new HashMap<>(visible.params());
		if (filter.categoryCode() != null && !filter.categoryCode().isBlank()) {
			terms.add("c.category_code = :category");
			params.put("category", filter.categoryCode().trim());
		}
		if (unitPrefix != null) {
			terms.add("c.unit_path like :unitPrefix");
			params.put("unitPrefix", unitPrefix + "%");
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			terms.add("lower(c.title) like :text");
			params.put("text", "%" + escapeLike(filter.text().trim().toLowerCase(java.util.Locale.ROOT)) + "%");
		}
		if (filter.state() != null) {
			terms.add("c.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.waitingForMe()) {
			// below the reader's own unit, never their own unit's cases
			terms.add("c.state = 'SUBMITTED' and c.unit_path like :mineBelow and c.unit_path <> :mine");
		}
		return new SqlCondition(String.join(" and ", terms), params);
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	// ---------------------------------------------------------------- photos

	public void insertPhoto(long caseId, String fileName, FileStore.Stored stored, String by, Instant at) {
		jdbc.sql("""
				insert into typical_case_photo (case_id, file_name, content_type, size_bytes, sha256, storage_key,
				  uploaded_by, uploaded_at)
				values (:caseId, :name, :type, :size, :sha, :key, :by, :at)
				""")
			.param("caseId", caseId)
			.param("name", fileName)
			.param("type", stored.contentType())
			.param("size", stored.size())
			.param("sha", stored.sha256())
			.param("key", stored.storageKey())
			.param("by", by)
			.param("at", Times.utc(at))
			.update();
	}

	public List<CasePhoto> photos(long caseId) {
		return jdbc.sql("select * from typical_case_photo where case_id = :id order by id")
			.param("id", caseId)
			.query((rs, n) -> photo(rs))
			.list();
	}

	public int photoCount(long caseId) {
		return jdbc.sql("select count(*) from typical_case_photo where case_id = :id").param("id", caseId)
			.query(Integer.class).single();
	}

	/** A photo with where its bytes are kept. */
	public record StoredPhoto(CasePhoto photo, String storageKey) {

	}

	public Optional<StoredPhoto> photo(long caseId, long photoId) {
		return jdbc.sql("select * from typical_case_photo where case_id = :caseId and id = :id")
			.param("caseId", caseId)
			.param("id", photoId)
			.query((rs, n) -> new StoredPhoto(photo(rs), rs.getString("storage_key")))
			.optional();
	}

	// ---------------------------------------------------------------- figures and moves

	/** Every case, read through a cursor, for the dashboard's rebuild. */
	public void forEach(Consumer<TypicalCase> sink) {
		jdbc.sql("select * from typical_case c order by c.id").query(CaseRepository::map).stream().forEach(sink);
	}

	public void rewritePaths(String oldPrefix, String newPrefix) {
		for (String table : List.of("typical_case", "mechanism")) {
			PathRewrite.rewrite(jdbc, table, "unit_path", oldPrefix, newPrefix);
		}
	}

	private static Map<String, @Nullable Object> fieldParams(Fields fields) {
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("title", fields.title());
		params.put("category", fields.categoryCode());
		params.put("background", fields.background());
		params.put("actions", fields.actions());
		params.put("result", fields.result());
		params.put("lessons", fields.lessons());
		params.put("reach", fields.reach().name());
		return params;
	}

	private static CasePhoto photo(ResultSet rs) throws SQLException {
		return new CasePhoto(rs.getLong("id"), rs.getLong("case_id"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), instant(rs, "uploaded_at"));
	}

	static TypicalCase map(ResultSet rs, int row) throws SQLException {
		return new TypicalCase(rs.getLong("id"), rs.getString("title"), rs.getString("category_code"),
				CaseSource.valueOf(rs.getString("source_kind")), rs.getLong("source_id"), rs.getString("source_ref"),
				rs.getString("background"), rs.getString("actions"), rs.getString("result"), rs.getString("lessons"),
				CaseReach.valueOf(rs.getString("reach")), CaseState.valueOf(rs.getString("state")), rs.getLong("unit_id"),
				rs.getString("unit_path"), rs.getString("written_by"), instant(rs, "created_at"), instant(rs, "updated_at"),
				nullableInstant(rs, "submitted_at"), rs.getString("decided_by"), nullableInstant(rs, "decided_at"),
				rs.getString("return_reason"), nullableInstant(rs, "published_at"), rs.getInt("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
