package org.grassroots.shared.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database's part of health and readiness, answered at once from the probe's last check
 * (Boot's own "db" indicator is off: it waited for a pool connection, 15 s and more while the
 * database was away). Liveness does not include it, so an outage never gets a node restarted.
 */
// contributes as "database": Boot drops the HealthIndicator suffix (a bean "database" exists: shared.Database)
@Component("databaseHealthIndicator")
class DatabaseHealth implements HealthIndicator {

	private final DatabaseProbe probe;

	DatabaseHealth(DatabaseProbe probe) {
		this.probe = probe;
	}

	@Override
	public Health health() {
		return probe.available() ? Health.up().build() : Health.down().build();
	}

}
