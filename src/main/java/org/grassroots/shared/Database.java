package org.grassroots.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which database the app runs on, for the few queries whose best form exists only on
 * PostgreSQL (H2, the embedded default, has no LATERAL).
 */
@Component
public class Database {

	private final boolean postgres;

	Database(@Value("${spring.datasource.url:}") String url) {
		this.postgres = url.startsWith("jdbc:postgresql:");
	}

	public boolean postgres() {
		return postgres;
	}

}
