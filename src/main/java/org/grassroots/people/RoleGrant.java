package org.grassroots.people;

import java.util.List;

import org.grassroots.shared.Role;
import org.grassroots.shared.ScopeKind;
import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotNull;

/**
 * A role held by an account and how far it reaches.
 *
 * @param assignedUnitCodes for ASSIGNED scope, the units whose subtrees the role covers
 */
public record RoleGrant(@NotNull Role role, @Nullable ScopeKind scope, @Nullable List<String> assignedUnitCodes) {

	/** A missing scope is the role's default; missing units are none. */
	public RoleGrant {
		scope = scope == null ? role.defaultScope() : scope;
		assignedUnitCodes = assignedUnitCodes == null ? List.of() : List.copyOf(assignedUnitCodes);
	}

	@Override
	public ScopeKind scope() {
		return java.util.Objects.requireNonNull(scope);
	}

	@Override
	public List<String> assignedUnitCodes() {
		return java.util.Objects.requireNonNull(assignedUnitCodes);
	}

	public static RoleGrant of(Role role) {
		return new RoleGrant(role, role.defaultScope(), List.of());
	}

}
