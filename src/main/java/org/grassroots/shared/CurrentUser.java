package org.grassroots.shared;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as every module sees them: account, unit, roles and data scope.
 */
public final class CurrentUser implements UserDetails, CredentialsContainer {

	private final long accountId;

	private final String username;

	private final String displayName;

	private final long unitId;

	private final String unitPath;

	private final Set<Role> roles;

	private final DataScope scope;

	private final DataScope administered;

	private final DataScope accountsReach;

	/** Where the system administrator roles reach: accounts (with the security administrator's) and units. */
	private final @Nullable DataScope systemReach;

	private final @Nullable Instant credentialsChangedAt;

	private final boolean enabled;

	private final boolean mustChangePassword;

	private @Nullable String passwordHash;

	/**
	 * @param administered where the campaign's administrator roles reach, each by its own scope kind
	 * @param credentialsChangedAt when the password last changed: sessions signed in before it end
	 */
	public CurrentUser(long accountId, String username, String displayName, long unitId, String unitPath,
			Set<Role> roles, DataScope scope, DataScope administered, @Nullable String passwordHash, boolean enabled,
			@Nullable Instant credentialsChangedAt, boolean mustChangePassword) {
		this(accountId, username, displayName, unitId, unitPath, roles, scope, administered, DataScope.NONE,
				passwordHash, enabled, credentialsChangedAt, mustChangePassword);
	}

	/** @param accountsReach where the system and security administrator roles reach, for accounts */
	public CurrentUser(long accountId, String username, String displayName, long unitId, String unitPath,
			Set<Role> roles, DataScope scope, DataScope administered, DataScope accountsReach,
			@Nullable String passwordHash, boolean enabled, @Nullable Instant credentialsChangedAt,
			boolean mustChangePassword) {
		this(accountId, username, displayName, unitId, unitPath, roles, scope, administered, accountsReach,
				DataScope.NONE, passwordHash, enabled, credentialsChangedAt, mustChangePassword);
	}

	/** @param systemReach where the system administrator roles reach, for units */
	public CurrentUser(long accountId, String username, String displayName, long unitId, String unitPath,
			Set<Role> roles, DataScope scope, DataScope administered, DataScope accountsReach, DataScope systemReach,
			@Nullable String passwordHash, boolean enabled, @Nullable Instant credentialsChangedAt,
			boolean mustChangePassword) {
		this.accountsReach = accountsReach;
		this.systemReach = systemReach;
		this.accountId = accountId;
		this.username = username;
		this.displayName = displayName;
		this.unitId = unitId;
		this.unitPath = unitPath;
		this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		this.scope = scope;
		this.administered = administered;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.credentialsChangedAt = credentialsChangedAt;
		this.mustChangePassword = mustChangePassword;
	}

	/** The user of the current request or command, if anyone signed in. */
	public static @Nullable CurrentUser current() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user : null;
	}

	public long accountId() {
		return accountId;
	}

	public String displayName() {
		return displayName;
	}

	public long unitId() {
		return unitId;
	}

	public String unitPath() {
		return unitPath;
	}

	public Set<Role> roles() {
		return roles;
	}

	public DataScope scope() {
		return scope;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isStaff() {
		return roles.stream().anyMatch(Role::isStaff);
	}

	/**
	 * Where this person may administer accounts: the union of what their system and security
	 * administrator roles reach; anyone without either is refused with 403.
	 */
	public DataScope accountsScope() {
		if (!has(Role.SYSTEM_ADMIN) && !has(Role.SECURITY_ADMIN)) {
			throw DomainException.forbidden("error.403.text");
		}
		return accountsReach;
	}

	/** Where this person sees units: their data scope and, as a system administrator, its reach. */
	public DataScope unitsScope() {
		return systemReach == null ? scope : scope.union(systemReach);
	}

	/**
	 * Where this person may administer units: their campaign administrator roles' reach and their
	 * system administrator role's (the hierarchy is both the campaign's and the system's); anyone
	 * with neither is refused with 403.
	 */
	public DataScope unitsAdministered() {
		if (!has(Role.CITY_ADMIN) && !has(Role.UNIT_ADMIN) && !has(Role.SYSTEM_ADMIN)) {
			throw DomainException.forbidden("error.403.text");
		}
		return systemReach == null ? administered : administered.union(systemReach);
	}

	/** Where this person picks units: what they read, and where they administer accounts. */
	public DataScope pickScope() {
		return scope.union(accountsReach);
	}

	/** What of the audit log this person reads: all of it for the auditor, else their own scope. */
	public DataScope auditScope() {
		return has(Role.SECURITY_AUDITOR) ? DataScope.CITY : scope;
	}

	/**
	 * Where this person may administer units and import party members: the union of what their
	 * campaign administrator roles reach, each by its scope kind exactly as for reading (a unit
	 * administrator with scope UNIT administers its own unit alone); anyone without such a role is
	 * refused with 403.
	 */
	public DataScope administeredScope() {
		if (!has(Role.CITY_ADMIN) && !has(Role.UNIT_ADMIN)) {
			throw DomainException.forbidden("error.403.text");
		}
		return administered;
	}

	public @Nullable Instant credentialsChangedAt() {
		return credentialsChangedAt;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new java.util.ArrayList<>();
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		if (isStaff()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
		}
		return authorities;
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	/** A lock stops password sign-in only (SignInGuard): sessions and tokens of the person go on. */
	@Override
	public boolean isAccountNonLocked() {
		return true;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String toString() {
		return "CurrentUser[" + username + "]";
	}

}
