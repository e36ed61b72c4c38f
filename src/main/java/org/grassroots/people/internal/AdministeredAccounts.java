package org.grassroots.people.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.people.RoleGrant;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Role;
import org.grassroots.shared.ScopeKind;
import org.grassroots.shared.SqlCondition;

/**
 * Which accounts an administrator may read and change (docs/people.md, "Who may administer
 * whom"): the account's unit lies in the administered scope, every role it holds is one the
 * administrator could grant, and no role reaches beyond the administered scope. The same rule
 * decides what the administrator may grant, and is turned into SQL so lists and reads by id
 * apply it in the query.
 */
public final class AdministeredAccounts {

	/** Below the whole city, the campaign's roles that work within a subtree. */
	private static final Set<Role> GRANTABLE_BELOW_CITY_ROLES = EnumSet.of(Role.UNIT_ADMIN, Role.LEADING_CADRE,
			Role.CASEWORKER, Role.PARTY_MEMBER, Role.RESIDENT);

	/** Below the whole city no administrator can vouch for ALL or for another subtree's ASSIGNED units. */
	private static final Set<ScopeKind> GRANTABLE_BELOW_CITY = EnumSet.of(ScopeKind.UNIT_AND_BELOW, ScopeKind.UNIT,
			ScopeKind.SELF);

	private final DataScope administered;

	private final Set<Role> roles;

	private final Set<ScopeKind> kinds;

	public AdministeredAccounts(CurrentUser admin) {
		this.administered = admin.accountsScope();
		this.roles = administered.all() ? EnumSet.allOf(Role.class) : GRANTABLE_BELOW_CITY_ROLES;
		this.kinds = administered.all() ? EnumSet.allOf(ScopeKind.class) : GRANTABLE_BELOW_CITY;
	}

	public DataScope scope() {
		return administered;
	}

	/** Whether a role with this scope kind, held at a unit with this path, is within reach. */
	public boolean mayGrant(RoleGrant grant, String unitPath) {
		if (!roles.contains(grant.role()) || !kinds.contains(grant.scope()) || !administered.covers(unitPath)) {
			return false;
		}
		return grant.scope() != ScopeKind.UNIT_AND_BELOW || administered.subtreesOnly().covers(unitPath);
	}

	public boolean mayGrantAll(List<RoleGrant> grants, String unitPath) {
		return grants.stream().allMatch(grant -> mayGrant(grant, unitPath));
	}

	/** The condition on {@code account a} that it is within reach, roles included. */
	public SqlCondition condition() {
		SqlCondition unit = administered.on("a.unit_path", "adm");
		if (administered.all() && roles.size() == Role.values().length) {
			return unit;
		}
		SqlCondition below = administered.subtreesOnly().on("a.unit_path", "admtree");
		Map<String, Object> params = new LinkedHashMap<>(unit.params());
		params.putAll(below.params());
		params.put("admRoles", roles.stream().map(Role::name).toList());
		params.put("admKinds", kinds.stream().map(ScopeKind::name).toList());
		String sql = unit.sql() + " and not exists (select 1 from account_role adm_r where adm_r.account_id = a.id"
				+ " and (adm_r.role not in (:admRoles) or adm_r.scope_kind not in (:admKinds)"
				+ " or (adm_r.scope_kind = 'UNIT_AND_BELOW' and not (" + below.sql() + "))))";
		return new SqlCondition(sql, params);
	}

}
