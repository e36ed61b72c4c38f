package org.grassroots.learning;

/** A member, their unit and how far they are with a plan. */
public record MemberStatus(long accountId, String displayName, String unitPath, String unitName, int done, int required) {

	public boolean met() {
		return done >= required;
	}

}
