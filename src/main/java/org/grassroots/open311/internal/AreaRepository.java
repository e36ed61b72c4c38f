package org.grassroots.open311.internal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reference points of units with a radius: how a latitude and longitude find a unit. */
@Repository
public class AreaRepository {

	private final JdbcClient jdbc;

	public AreaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A unit's reference point. */
	public record Area(String unitCode, double latitude, double longitude, int radiusMeters) {

	}

	/**
	 * Areas whose bounding box holds the point (a cheap index-free prefilter on a small table);
	 * the caller picks the nearest within its radius.
	 */
	public List<Area> near(double latitude, double longitude) {
		return jdbc.sql("""
				select * from open311_area where latitude between :lat - 0.5 and :lat + 0.5
				and longitude between :lon - 0.5 and :lon + 0.5
				""")
			.param("lat", BigDecimal.valueOf(latitude))
			.param("lon", BigDecimal.valueOf(longitude))
			.query((rs, n) -> new Area(rs.getString("unit_code"), rs.getDouble("latitude"), rs.getDouble("longitude"),
					rs.getInt("radius_m")))
			.list();
	}

	public void upsert(String unitCode, double latitude, double longitude, int radiusMeters, boolean demo) {
		int changed = jdbc.sql("update open311_area set latitude = :lat, longitude = :lon, radius_m = :r where unit_code = :code")
			.param("lat", BigDecimal.valueOf(latitude))
			.param("lon", BigDecimal.valueOf(longitude))
			.param("r", radiusMeters)
			.param("code", unitCode)
			.update();
		if (changed == 0) {
			jdbc.sql("insert into open311_area (unit_code, latitude, longitude, radius_m, demo) values (:code, :lat, :lon, :r, :demo)")
				.param("code", unitCode)
				.param("lat", BigDecimal.valueOf(latitude))
				.param("lon", BigDecimal.valueOf(longitude))
				.param("r", radiusMeters)
				.param("demo", demo)
				.update();
		}
	}

}
