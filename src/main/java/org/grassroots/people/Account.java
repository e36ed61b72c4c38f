package org.grassroots.people;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An account as pages, the API and the audit log see it: the phone number only masked.
 *
 * @param secondFactor whether sign-in also asks for a code from an authenticator app
 */
public record Account(long id, String username, String displayName, long unitId, String unitPath,
		List<RoleGrant> roles, @Nullable String maskedPhone, boolean enabled, @Nullable Instant lockedUntil,
		boolean mustChangePassword, boolean secondFactor, boolean demo, int version) {

	/** Whether the account is one of the separate administrators', which the security administrator administers. */
	public boolean separateDuty() {
		return roles.stream().anyMatch(grant -> grant.role().isSeparateDuty());
	}

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

}
