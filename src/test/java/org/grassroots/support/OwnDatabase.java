package org.grassroots.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A database of its own for a test that starts nodes itself: a fresh H2 file, or a schema of its
 * own in the suite's PostgreSQL database (CI's role may not create databases).
 */
public final class OwnDatabase {

	private OwnDatabase() {
	}

	public static String url(String prefix) {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url == null || !url.startsWith("jdbc:postgresql")) {
			return "jdbc:h2:file:./target/test-data/" + prefix + "-" + UUID.randomUUID()
					+ "/grassroots;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
		}
		String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (var connection = DriverManager.getConnection(url, System.getenv("SPRING_DATASOURCE_USERNAME"),
				System.getenv("SPRING_DATASOURCE_PASSWORD")); var statement = connection.createStatement()) {
			statement.execute("create schema " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
	}

}
