package org.grassroots.shared;

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

	private final boolean locked;

	private final boolean enabled;

	private final boolean mustChangePassword;

	private @Nullable String passwordHash;

	public CurrentUser(long accountId, String username, String displayName, long unitId, String unitPath,
			Set<Role> roles, DataScope scope, @Nullable String passwordHash, boolean enabled, boolean locked,
			boolean mustChangePassword) {
		this.accountId = accountId;
		this.username = username;
		this.displayName = displayName;
		this.unitId = unitId;
		this.unitPath = unitPath;
		this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		this.scope = scope;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
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
	 * Where this person may administer units and accounts: a city administrator everywhere, a unit
	 * administrator their unit's subtree; anyone else is refused with 403.
	 */
	public DataScope administeredScope() {
		if (has(Role.CITY_ADMIN)) {
			return DataScope.CITY;
		}
		if (has(Role.UNIT_ADMIN)) {
			return new DataScope(false, Set.of(unitPath), Set.of());
		}
		throw DomainException.forbidden("error.403.text");
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

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
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
