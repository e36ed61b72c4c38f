package org.grassroots.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Display names of accounts, for a module that shows who did something without depending on the
 * people module (the audit log). The people module answers.
 */
public interface AccountNames {

	/** Display names by username whatever the scope: for naming the people a visible record refers to. */
	Map<String, String> displayNames(Collection<String> usernames);

	/**
	 * Usernames of the accounts with this username, or whose display name is or starts with this
	 * text; at most {@code limit}.
	 */
	List<String> usernamesNamed(String text, int limit);

}
