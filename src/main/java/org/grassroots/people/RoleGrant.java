package org.grassroots.people;

import java.util.List;

import org.grassroots.shared.Role;
import org.grassroots.shared.ScopeKind;

/**
 * A role held by an account and how far it reaches.
 *
 * @param assignedUnitCodes for ASSIGNED scope, the units whose subtrees the role covers
 */
public record RoleGrant(Role role, ScopeKind scope, List<String> assignedUnitCodes) {

	public RoleGrant {
		assignedUnitCodes = List.copyOf(assignedUnitCodes);
	}

	public static RoleGrant of(Role role) {
		return new RoleGrant(role, role.defaultScope(), List.of());
	}

}
