package org.grassroots.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.grassroots.cases.Mechanism;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Role;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.grassroots.shared.files.FileStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Mechanisms and their prompts; every read for a person carries the visibility rule in its SQL. */
@Repository
public class MechanismRepository {

	public static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	public MechanismRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The adopter's fields of a mechanism. */
	public record Fields(String title, String appliesTo, LocalDate adoptedOn, @Nullable String body) {

	}

	public long insert(Fields fields, long unitId, String unitPath, String by, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into mechanism (title, applies_to, adopted_on, body, unit_id, unit_path, adopted_by, created_at,
				  updated_at)
				values (:title, :appliesTo, :adoptedOn, :body, :unitId, :path, :by, :at, :at)
				""")
			.params(params(fields))
			.param("unitId", unitId)
			.param("path", unitPath)
			.param("by", by)
			.param("at", Times.utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	public boolean edit(long id, int version, Fields fields, Instant at) {
		return jdbc.sql("""
				update mechanism set title = :title, applies_to = :appliesTo, adopted_on = :adoptedOn, body = :body,
				  updated_at = :at, version = version + 1
				where id = :id and version = :version
				""")
			.params(params(fields))
			.param("at", Times.utc(at))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	public boolean attach(long id, int version, String fileName, FileStore.Stored stored, Instant at) {
		return jdbc.sql("""
				update mechanism set file_name = :name, file_type = :type, file_size = :size, file_sha256 = :sha,
				  file_key = :key, updated_at = :at, version = version + 1
				where id = :id and version = :version
				""")
			.param("name", fileName)
			.param("type", stored.contentType())
			.param("size", stored.size())
			.param("sha", stored.sha256())
			.param("key", stored.storageKey())
			.param("at", Times.utc(at))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** Replaces the prompts of a mechanism with these. */
	public void prompts(long id, List<Mechanism.Prompt> prompts) {
		jdbc.sql("delete from mechanism_prompt where mechanism_id = :id").param("id", id).update();
		for (Mechanism.Prompt prompt : prompts) {
			jdbc.sql("insert into mechanism_prompt (mechanism_id, kind, ref_id, label) values (:id, :kind, :ref, :label)")
				.param("id", id)
				.param("kind", prompt.kind().name())
				.param("ref", prompt.refId())
				.param("label", prompt.label())
				.update();
		}
	}

	public Optional<Mechanism> find(long id) {
		return withPrompts(jdbc.sql("select * from mechanism m where m.id = :id").param("id", id)
			.query(MechanismRepository::map).list()).stream().findFirst();
	}

	public Optional<Mechanism> find(long id, CurrentUser user) {
		SqlCondition visible = visible(user);
		return withPrompts(jdbc.sql("select * from mechanism m where m.id = :id and " + visible.sql())
			.params(visible.params())
			.param("id", id)
			.query(MechanismRepository::map)
			.list()).stream().findFirst();
	}

	/** One page of the mechanisms the person may read, in a unit's subtree if given, the latest adopted first. */
	public List<Mechanism> list(@Nullable String unitPrefix, CurrentUser user, int page) {
		SqlCondition visible = visible(user);
		Map<String, Object> params = new HashMap<>(visible.params());
		String sql = "select * from mechanism m where " + visible.sql();
		if (unitPrefix != null) {
			sql += " and m.unit_path like :unitPrefix";
			params.put("unitPrefix", unitPrefix + "%");
		}
		return withPrompts(jdbc.sql(sql + " order by m.adopted_on desc, m.id desc limit " + (PAGE_SIZE + 1) + " offset "
				+ Math.max(page, 0) * PAGE_SIZE).params(params).query(MechanismRepository::map).list());
	}

	/** The stored key of a mechanism's document. */
	public Optional<String> fileKey(long id) {
		return jdbc.sql("select file_key from mechanism where id = :id and file_key is not null").param("id", id)
			.query(String.class).optional();
	}

	/**
	 * Who may read a mechanism: the city office and steering groups, every one; any other staff
	 * member, those of units in their scope and of the units above their own.
	 */
	static SqlCondition visible(CurrentUser user) {
		if (!user.isStaff()) {
			return SqlCondition.never();
		}
		if (user.scope().all() || user.has(Role.STEERING_GROUP)) {
			return SqlCondition.always();
		}
		SqlCondition scope = user.scope().on("m.unit_path", "mscope");
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("mine", user.unitPath());
		return new SqlCondition("(" + scope.sql() + " or :mine like m.unit_path || '%')", params);
	}

	/** Every mechanism, through a cursor, for the dashboard's rebuild (prompts left out: figures do not need them). */
	public void forEach(Consumer<Mechanism> sink) {
		jdbc.sql("select * from mechanism m order by m.id").query(MechanismRepository::map).stream().forEach(sink);
	}

	private List<Mechanism> withPrompts(List<Mechanism> found) {
		if (found.isEmpty()) {
			return found;
		}
		Map<Long, List<Mechanism.Prompt>> prompts = new LinkedHashMap<>();
		jdbc.sql("select * from mechanism_prompt where mechanism_id in (:ids) order by kind, label")
			.param("ids", found.stream().map(Mechanism::id).toList())
			.query((rs, n) -> {
				prompts.computeIfAbsent(rs.getLong("mechanism_id"), key -> new ArrayList<>())
					.add(new Mechanism.Prompt(Mechanism.PromptKind.valueOf(rs.getString("kind")), rs.getLong("ref_id"),
							rs.getString("label")));
				return 0;
			})
			.list();
		return found.stream().map(mechanism -> mechanism.withPrompts(prompts.getOrDefault(mechanism.id(), List.of()))).toList();
	}

	private static Map<String, @Nullable Object> params(Fields fields) {
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("title", fields.title());
		params.put("appliesTo", fields.appliesTo());
		params.put("adoptedOn", fields.adoptedOn());
		params.put("body", fields.body());
		return params;
	}

	static Mechanism map(ResultSet rs, int row) throws SQLException {
		Object size = rs.getObject("file_size");
		return new Mechanism(rs.getLong("id"), rs.getString("title"), rs.getString("applies_to"),
				rs.getObject("adopted_on", LocalDate.class), rs.getString("body"), rs.getLong("unit_id"),
				rs.getString("unit_path"), rs.getString("file_name"), rs.getString("file_type"),
				size == null ? null : ((Number) size).longValue(), rs.getString("adopted_by"),
				CaseRepository.instant(rs, "created_at"), CaseRepository.instant(rs, "updated_at"), rs.getInt("version"),
				List.of());
	}

}
