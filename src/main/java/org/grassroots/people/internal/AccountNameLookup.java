package org.grassroots.people.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.shared.AccountNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Display names for usernames and usernames for names, for the audit log: by the unique username,
 * or by the start of a display name through its index (V28_1).
 */
@Component
class AccountNameLookup implements AccountNames {

	private final JdbcClient jdbc;

	AccountNameLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> displayNames(Collection<String> usernames) {
		Map<String, String> names = new LinkedHashMap<>();
		if (usernames.isEmpty()) {
			return names;
		}
		jdbc.sql("select username, display_name from account where username in (:usernames)")
			.param("usernames", List.copyOf(usernames))
			.query((rs, row) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		return names;
	}

	@Override
	public List<String> usernamesNamed(String text, int limit) {
		String trimmed = text.trim();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			return List.of();
		}
		String prefix = trimmed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("""
				select username from account where username = :text
				union select username from account where display_name like :prefix escape '\\'
				""" + " fetch first " + limit + " rows only")
			.param("text", trimmed)
			.param("prefix", prefix)
			.query(String.class)
			.list();
	}

}
