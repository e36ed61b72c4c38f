package org.grassroots.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.people.Account;
import org.grassroots.people.RoleGrant;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.Role;
import org.grassroots.shared.ScopeKind;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The account tables; reads for a person are scoped by the account's unit path in the query. */
@Repository
public class AccountRepository {

	private static final String SELECT = """
			select a.id, a.username, a.display_name, a.password_hash, a.unit_id, a.unit_path, a.phone_cipher,
			       a.enabled, a.must_change_password, a.failed_attempts, a.locked_until, a.demo, a.version,
			       a.credentials_changed_at, a.password_set_at, a.totp_secret_cipher is not null as second_factor
			from account a
			""";

	/** The account with one row per role and assigned unit, each repeating the account. */
	private static final String WITH_GRANTS = SELECT.replace("from account a", """
			       , r.role, r.scope_kind, ru.unit_code, ru.unit_id as assigned_unit_id
			from account a
			left join account_role r on r.account_id = a.id
			left join account_role_unit ru on ru.role_id = r.id
			""");

	private static final String GRANTS_ORDER = " order by r.role, ru.unit_code";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	public AccountRepository(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/**
	 * A row with what only sign-in needs: the password hash, the failure count, when the credentials
	 * last changed (a reset included) and when the person last chose their password.
	 */
	public record Row(Account account, String passwordHash, int failedAttempts, @Nullable Instant credentialsChangedAt,
			@Nullable Instant passwordSetAt) {

	}

	/** An account with its roles and the units of its ASSIGNED roles, read in one statement. */
	public record Holder(Row row, Map<Role, List<Long>> assignedUnits) {

	}

	/** The account behind a live token's hash, its roles and their assigned units, in one statement. */
	public Optional<Holder> findByTokenHash(String hash) {
		return holder(jdbc.sql(WITH_GRANTS.replace("from account a", "from access_token t join account a on a.id = t.account_id")
				+ " where t.token_hash = :hash and t.revoked_at is null" + GRANTS_ORDER).param("hash", hash));
	}

	/** An account, its roles and their assigned units, in one statement. */
	public Optional<Holder> findWithGrants(long id) {
		return holder(jdbc.sql(WITH_GRANTS + " where a.id = :id" + GRANTS_ORDER).param("id", id));
	}

	private Optional<Holder> holder(JdbcClient.StatementSpec statement) {
		List<RoleGrant> grants = new ArrayList<>();
		Map<Role, List<Long>> assigned = new HashMap<>();
		List<Row> rows = statement.query((rs, n) -> {
			String role = rs.getString("role");
			if (role != null) {
				addGrant(grants, Role.valueOf(role), ScopeKind.valueOf(rs.getString("scope_kind")), rs.getString("unit_code"));
				long unit = rs.getLong("assigned_unit_id");
				if (!rs.wasNull()) {
					assigned.computeIfAbsent(Role.valueOf(role), key -> new ArrayList<>()).add(unit);
				}
			}
			return mapWithoutRoles(rs, n);
		}).list();
		return rows.isEmpty() ? Optional.empty() : Optional.of(new Holder(withGrants(rows.get(0), grants), assigned));
	}

	public Optional<Row> findByUsername(String username) {
		return one(jdbc.sql(SELECT + " where a.username = :username").param("username", username));
	}

	public Optional<Row> findById(long id) {
		return one(jdbc.sql(SELECT + " where a.id = :id").param("id", id));
	}

	public Optional<Account> find(long id, DataScope scope) {
		SqlCondition inScope = scope.on("a.unit_path");
		return one(jdbc.sql(SELECT + " where a.id = :id and " + inScope.sql()).params(inScope.params()).param("id", id))
			.map(Row::account);
	}

	/** One account that the condition (an administrator's reach, see AdministeredAccounts) allows. */
	public Optional<Account> find(long id, SqlCondition allowed) {
		return one(jdbc.sql(SELECT + " where a.id = :id and " + allowed.sql()).params(allowed.params()).param("id", id))
			.map(Row::account);
	}

	public List<Account> list(DataScope scope, String text, int offset, int limit) {
		return list(scope.on("a.unit_path"), text, offset, limit);
	}

	public List<Account> list(SqlCondition inScope, String text, int offset, int limit) {
		String pattern = "%" + text.trim().toLowerCase(java.util.Locale.ROOT) + "%";
		List<Row> rows = jdbc.sql(SELECT + " where " + inScope.sql()
				+ " and (lower(a.username) like :pattern or lower(a.display_name) like :pattern)"
				+ " order by a.unit_path, a.username offset :offset rows fetch next :limit rows only")
			.params(inScope.params())
			.param("pattern", pattern)
			.param("offset", offset)
			.param("limit", limit)
			.query(this::mapWithoutRoles)
			.list();
		return withRoles(rows).stream().map(Row::account).toList();
	}

	public long insert(String username, String displayName, String passwordHash, long unitId, String unitPath,
			@Nullable String phone, boolean mustChangePassword, boolean demo, Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into account (username, display_name, password_hash, unit_id, unit_path, phone_cipher, phone_hash,
				                     must_change_password, demo, created_at, password_set_at)
				values (:username, :displayName, :hash, :unitId, :unitPath, :phoneCipher, :phoneHash, :mustChange, :demo, :now, :setAt)
				""")
			.param("username", username)
			.param("displayName", displayName)
			.param("hash", passwordHash)
			.param("unitId", unitId)
			.param("unitPath", unitPath)
			.param("phoneCipher", phone == null ? null : cipher.encrypt(phone))
			.param("phoneHash", phone == null ? null : cipher.lookupHash(phone))
			.param("mustChange", mustChangePassword)
			.param("demo", demo)
			.param("now", Times.utc(now))
			.param("setAt", mustChangePassword ? null : Times.utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public void grant(long accountId, Role role, ScopeKind scope, Map<Long, String> assignedUnits) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into account_role (account_id, role, scope_kind) values (:account, :role, :scope)")
			.param("account", accountId)
			.param("role", role.name())
			.param("scope", scope.name())
			.update(keys, "id");
		long roleId = keys.getKeyAs(Number.class).longValue();
		assignedUnits.forEach((unitId, code) -> jdbc
			.sql("insert into account_role_unit (role_id, unit_id, unit_code) values (:role, :unit, :code)")
			.param("role", roleId)
			.param("unit", unitId)
			.param("code", code)
			.update());
	}

	/** Takes every role of the account away, before the security administrator's new set is granted. */
	public long countHolding(Role role) {
		return jdbc.sql("select count(*) from account_role where role = :role").param("role", role.name())
			.query(Long.class).single();
	}

	public void revokeAll(long accountId) {
		jdbc.sql("delete from account_role where account_id = :account").param("account", accountId).update();
	}

	/** The units each ASSIGNED role of the account covers, by role. */
	public Map<Role, List<Long>> assignedUnits(long accountId) {
		Map<Role, List<Long>> result = new HashMap<>();
		jdbc.sql("""
				select r.role, u.unit_id from account_role r join account_role_unit u on u.role_id = r.id
				where r.account_id = :account
				""")
			.param("account", accountId)
			.query((rs, row) -> Map.entry(Role.valueOf(rs.getString(1)), rs.getLong(2)))
			.list()
			.forEach(entry -> result.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
		return result;
	}

	/** Counts one more failure in the database itself, so simultaneous failures all count; returns the new count. */
	public int countFailure(long id) {
		jdbc.sql("update account set failed_attempts = failed_attempts + 1 where id = :id").param("id", id).update();
		return jdbc.sql("select failed_attempts from account where id = :id").param("id", id).query(Integer.class).single();
	}

	public void recordFailure(long id, int failedAttempts, @Nullable Instant lockedUntil) {
		jdbc.sql("update account set failed_attempts = :failed, locked_until = :until where id = :id")
			.param("failed", failedAttempts)
			.param("until", lockedUntil == null ? null : Times.utc(lockedUntil))
			.param("id", id)
			.update();
	}

	public void resetFailures(long id) {
		jdbc.sql("update account set failed_attempts = 0 where id = :id and failed_attempts > 0").param("id", id).update();
	}

	/** @return false when the version was stale */
	public boolean update(long id, int version, String assignments, Map<String, ?> values) {
		return jdbc.sql("update account set " + assignments + ", version = version + 1 where id = :id and version = :version")
			.params(values)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	public int rewriteUnitPaths(String oldPath, String newPath) {
		return jdbc.sql("update account set unit_path = concat(:newPath, substring(unit_path, :keep)) where unit_path like :old")
			.param("newPath", newPath)
			.param("keep", oldPath.length() + 1)
			.param("old", oldPath + "%")
			.update();
	}

	public long count() {
		return jdbc.sql("select count(*) from account").query(Long.class).single();
	}

	private Optional<Row> one(JdbcClient.StatementSpec statement) {
		return statement.query(this::mapWithoutRoles).optional().map(row -> withRoles(List.of(row)).get(0));
	}

	private List<Row> withRoles(List<Row> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<RoleGrant>> grants = new HashMap<>();
		jdbc.sql("""
				select r.account_id, r.role, r.scope_kind, ru.unit_code
				from account_role r
				left join account_role_unit ru on ru.role_id = r.id
				where r.account_id in (:ids) order by r.account_id, r.role, ru.unit_code
				""")
			.param("ids", rows.stream().map(row -> row.account().id()).toList())
			.query((rs, n) -> {
				addGrant(grants.computeIfAbsent(rs.getLong(1), key -> new ArrayList<>()), Role.valueOf(rs.getString(2)),
						ScopeKind.valueOf(rs.getString(3)), rs.getString(4));
				return null;
			})
			.list();
		return rows.stream().map(row -> withGrants(row, grants.getOrDefault(row.account().id(), List.of()))).toList();
	}

	private static Row withGrants(Row row, List<RoleGrant> grants) {
		Account a = row.account();
		return new Row(new Account(a.id(), a.username(), a.displayName(), a.unitId(), a.unitPath(), List.copyOf(grants),
				a.maskedPhone(), a.enabled(), a.lockedUntil(), a.mustChangePassword(), a.secondFactor(), a.demo(), a.version()),
				row.passwordHash(), row.failedAttempts(), row.credentialsChangedAt(), row.passwordSetAt());
	}

	private static void addGrant(List<RoleGrant> grants, Role role, ScopeKind scope, @Nullable String unitCode) {
		RoleGrant last = grants.isEmpty() ? null : grants.get(grants.size() - 1);
		if (last != null && last.role() == role) {
			var codes = new ArrayList<>(last.assignedUnitCodes());
			codes.add(unitCode);
			grants.set(grants.size() - 1, new RoleGrant(role, scope, codes));
		}
		else {
			grants.add(new RoleGrant(role, scope, unitCode == null ? List.of() : List.of(unitCode)));
		}
	}

	private Row mapWithoutRoles(ResultSet rs, int row) throws SQLException {
		String phone = rs.getString("phone_cipher");
		Account account = new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getLong("unit_id"), rs.getString("unit_path"), List.of(),
				phone == null ? null : FieldCipher.maskPhone(cipher.decrypt(phone)), rs.getBoolean("enabled"),
				Times.instant(rs.getObject("locked_until", OffsetDateTime.class)), rs.getBoolean("must_change_password"),
				rs.getBoolean("second_factor"), rs.getBoolean("demo"), rs.getInt("version"));
		return new Row(account, rs.getString("password_hash"), rs.getInt("failed_attempts"),
				Times.instant(rs.getObject("credentials_changed_at", OffsetDateTime.class)),
				Times.instant(rs.getObject("password_set_at", OffsetDateTime.class)));
	}

}
