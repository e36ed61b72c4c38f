package org.grassroots.people.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.grassroots.people.Account;
import org.grassroots.people.RoleGrant;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Role;
import org.grassroots.shared.ScopeKind;
import org.grassroots.units.UnitManagement;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the signed-in person with their data scope: the union over their roles. */
@Component
public class CurrentUserLoader implements UserDetailsService {

	private final AccountRepository accounts;

	private final UnitManagement units;

	private final PasswordHistory history;

	private final Clock clock;

	CurrentUserLoader(AccountRepository accounts, UnitManagement units, PasswordHistory history, Clock clock) {
		this.accounts = accounts;
		this.units = units;
		this.history = history;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public CurrentUser loadUserByUsername(String username) {
		return accounts.findByUsername(username).map(this::toUser).orElseThrow(() -> new UsernameNotFoundException(username));
	}

	/** The person as they are now, for every page request of a session: one statement, no transaction. */
	public Optional<CurrentUser> load(long accountId) {
		return accounts.findWithGrants(accountId).map(holder -> toUser(holder.row(), holder.assignedUnits()));
	}

	/**
	 * The person behind a live token's hash: one statement and no transaction of its own (an
	 * ASSIGNED role adds a unit lookup per assigned unit).
	 */
	public Optional<CurrentUser> loadByTokenHash(String hash) {
		return accounts.findByTokenHash(hash).map(holder -> toUser(holder.row(), holder.assignedUnits()));
	}

	private CurrentUser toUser(AccountRepository.Row row) {
		boolean anyAssigned = row.account().roles().stream().anyMatch(grant -> grant.scope() == ScopeKind.ASSIGNED);
		return toUser(row, anyAssigned ? accounts.assignedUnits(row.account().id()) : Map.of());
	}

	private CurrentUser toUser(AccountRepository.Row row, Map<Role, List<Long>> assigned) {
		Account account = row.account();
		DataScope scope = DataScope.NONE;
		DataScope administered = DataScope.NONE;
		DataScope accountsReach = DataScope.NONE;
		DataScope systemReach = DataScope.NONE;
		Set<Role> roles = new HashSet<>();
		for (RoleGrant grant : account.roles()) {
			roles.add(grant.role());
			DataScope reach = scopeOf(grant, account.unitPath(), assigned.getOrDefault(grant.role(), List.of()));
			if (grant.role() == Role.SYSTEM_ADMIN || grant.role() == Role.SECURITY_ADMIN) {
				accountsReach = accountsReach.union(reach);
			}
			if (grant.role() == Role.SYSTEM_ADMIN) {
				systemReach = systemReach.union(reach);
			}
			if (grant.role().isSeparateDuty()) {
				continue;
			}
			scope = scope.union(reach);
			if (grant.role() == Role.CITY_ADMIN || grant.role() == Role.UNIT_ADMIN) {
				administered = administered.union(reach);
			}
		}
		return new CurrentUser(account.id(), account.username(), account.displayName(), account.unitId(),
				account.unitPath(), roles, scope, administered, accountsReach, systemReach, row.passwordHash(),
				account.enabled(),
				row.credentialsChangedAt(),
				account.mustChangePassword() || history.expired(row.passwordSetAt(), clock.instant()));
	}

	private DataScope scopeOf(RoleGrant grant, String unitPath, List<Long> assignedUnits) {
		return switch (grant.scope()) {
			case ALL -> DataScope.CITY;
			case UNIT_AND_BELOW -> new DataScope(false, Set.of(unitPath), Set.of());
			case UNIT -> new DataScope(false, Set.of(), Set.of(unitPath));
			case ASSIGNED -> new DataScope(false,
					Set.copyOf(assignedUnits.stream().map(id -> units.get(id, DataScope.CITY).path()).toList()), Set.of());
			case SELF -> DataScope.NONE;
		};
	}

}
