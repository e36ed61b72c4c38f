package org.grassroots.dashboard.internal;

import java.time.Instant;

import org.grassroots.dashboard.Weights;
import org.grassroots.shared.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of ranking weights. */
@Repository
public class WeightsRepository {

	private final JdbcClient jdbc;

	WeightsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Weights get() {
		return jdbc.sql("select * from dash_weights where id = 1")
			.query((rs, n) -> new Weights(rs.getInt("response"), rs.getInt("resolution"), rs.getInt("satisfaction"),
					rs.getInt("version"), rs.getString("updated_by"),
					Times.instant(rs.getObject("updated_at", java.time.OffsetDateTime.class))))
			.single();
	}

	/** Writes the change if the version is still the one seen; answers whether it was. */
	public boolean update(Weights.Change change, String by, Instant at) {
		return jdbc.sql("""
				update dash_weights set response = :response, resolution = :resolution, satisfaction = :satisfaction,
				    version = version + 1, updated_by = :by, updated_at = :at
				where id = 1 and version = :version
				""")
			.param("response", change.response())
			.param("resolution", change.resolution())
			.param("satisfaction", change.satisfaction())
			.param("by", by)
			.param("at", Times.utc(at))
			.param("version", change.version())
			.update() == 1;
	}

}
