package org.grassroots.lifeevents.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.lifeevents.DepartmentKind;
import org.grassroots.lifeevents.DepartmentMapping;
import org.grassroots.shared.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The responsible department unit per district and kind, and the per-person store of given values. */
@Repository
public class DepartmentRepository {

	private final JdbcClient jdbc;

	public DepartmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<DepartmentMapping> ofDistrict(long districtId) {
		return jdbc.sql("select * from le_department where district_id = :district order by kind")
			.param("district", districtId)
			.query((rs, row) -> new DepartmentMapping(rs.getLong("district_id"), DepartmentKind.valueOf(rs.getString("kind")),
					rs.getLong("department_id"), rs.getString("department_path"), rs.getInt("version")))
			.list();
	}

	/** Whether a unit is some district's department for one-thing tasks. */
	public boolean isDepartment(long unitId) {
		return jdbc.sql("select count(*) from le_department where department_id = :unit")
			.param("unit", unitId)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<DepartmentMapping> find(long districtId, DepartmentKind kind) {
		return ofDistrict(districtId).stream().filter(mapping -> mapping.kind() == kind).findFirst();
	}

	public void insert(long districtId, DepartmentKind kind, long departmentId, String departmentPath, String by, Instant at) {
		jdbc.sql("""
				insert into le_department (district_id, kind, department_id, department_path, updated_by, updated_at)
				values (:district, :kind, :department, :path, :by, :at)
				""")
			.param("district", districtId)
			.param("kind", kind.name())
			.param("department", departmentId)
			.param("path", departmentPath)
			.param("by", by)
			.param("at", Times.utc(at))
			.update();
	}

	public boolean update(long districtId, DepartmentKind kind, int version, long departmentId, String departmentPath,
			String by, Instant at) {
		return jdbc.sql("""
				update le_department set department_id = :department, department_path = :path, updated_by = :by,
				  updated_at = :at, version = version + 1
				where district_id = :district and kind = :kind and version = :version
				""")
			.param("department", departmentId)
			.param("path", departmentPath)
			.param("by", by)
			.param("at", Times.utc(at))
			.param("district", districtId)
			.param("kind", kind.name())
			.param("version", version)
			.update() == 1;
	}

	/** What the person gave under each profile key (values encrypted). */
	public java.util.Map<String, String> profile(long accountId) {
		java.util.Map<String, String> values = new java.util.HashMap<>();
		jdbc.sql("select profile_key, value_text from le_profile_value where account_id = :account")
			.param("account", accountId)
			.query(rs -> {
				values.put(rs.getString(1), rs.getString(2));
			});
		return values;
	}

	public void keep(long accountId, String key, String encrypted, String lookupHash, Instant at) {
		int changed = jdbc.sql("""
				update le_profile_value set value_text = :value, lookup_hash = :hash, updated_at = :at
				where account_id = :account and profile_key = :key
				""").param("value", encrypted).param("hash", lookupHash).param("at", Times.utc(at)).param("account", accountId)
			.param("key", key).update();
		if (changed == 0) {
			jdbc.sql("""
					insert into le_profile_value (account_id, profile_key, value_text, lookup_hash, updated_at)
					values (:account, :key, :value, :hash, :at)
					""").param("value", encrypted).param("hash", lookupHash).param("at", Times.utc(at))
				.param("account", accountId).param("key", key).update();
		}
	}

}
