package org.grassroots.dashboard.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders the dashboard's writers through one row (V24). A delivery takes it shared, before it
 * reads the problem's facts, for the rest of its transaction; a unit move or a rebuild takes it
 * exclusively before it rewrites counters. A delivery that read a path before a move therefore
 * commits before the move rewrites that path, and one that starts during a move waits and reads
 * the new path. Without it, a delivery could add under a path the move had just left (seen on
 * PostgreSQL). Shared locks do not wait for each other, so deliveries still run side by side on
 * PostgreSQL; H2 has no shared row lock and takes the row exclusively, which only the embedded
 * single-node database does.
 */
@Component
class SyncGate {

	private final JdbcClient jdbc;

	private final String shared;

	SyncGate(JdbcClient jdbc, @Value("${spring.datasource.url:}") String url) {
		this.jdbc = jdbc;
		this.shared = url.startsWith("jdbc:postgresql:") ? "share" : "update";
	}

	void shared() {
		jdbc.sql("select id from dash_sync_gate where id = 1 for " + shared).query(Integer.class).single();
	}

	void exclusive() {
		jdbc.sql("select id from dash_sync_gate where id = 1 for update").query(Integer.class).single();
	}

}
