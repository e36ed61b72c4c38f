package org.grassroots.units.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.grassroots.shared.Times;
import org.grassroots.units.UnitBoundary;
import org.grassroots.units.UnitLevel;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The unit_boundary table and its generation counter (V56). Shapes are WKB in WGS-84. */
@Repository
public class BoundaryRepository {

	private static final String SUMMARY = """
			select unit_id, vertices, area_km2, min_lon, min_lat, max_lon, max_lat, sha256, demo, version,
			       updated_by, updated_at
			from unit_boundary
			""";

	private final JdbcClient jdbc;

	BoundaryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A unit's boundary with its name, as a check names its neighbours. */
	public record Shape(long unitId, String nameZh, String nameEn, Geometry shape) {

	}

	public Optional<UnitBoundary> find(long unitId) {
		return jdbc.sql(SUMMARY + " where unit_id = :id").param("id", unitId).query(BoundaryRepository::summary).optional();
	}

	public Optional<Geometry> shape(long unitId) {
		return jdbc.sql("select geometry from unit_boundary where unit_id = :id")
			.param("id", unitId)
			.query((rs, n) -> geometry(rs.getBytes(1)))
			.optional();
	}

	/** The parent's boundary, if it has one. */
	public Optional<Shape> parentOf(long unitId) {
		return jdbc.sql("""
				select p.id, p.name_zh, coalesce(p.name_en, p.name_zh), b.geometry from unit u join unit p on p.id = u.parent_id
				join unit_boundary b on b.unit_id = p.id where u.id = :id
				""").param("id", unitId).query(BoundaryRepository::shape).optional();
	}

	/** The boundaries of the units directly below this one. */
	public List<Shape> children(long unitId) {
		return jdbc.sql("""
				select c.id, c.name_zh, coalesce(c.name_en, c.name_zh), b.geometry from unit c
				join unit_boundary b on b.unit_id = c.id where c.parent_id = :id
				""").param("id", unitId).query(BoundaryRepository::shape).list();
	}

	/** The boundaries of the unit's administrative siblings whose box meets this box. */
	public List<Shape> siblingsMeeting(long unitId, Envelope box) {
		return jdbc.sql("""
				select s.id, s.name_zh, coalesce(s.name_en, s.name_zh), b.geometry from unit u join unit s on s.parent_id = u.parent_id and s.id <> u.id
				join unit_boundary b on b.unit_id = s.id
				where u.id = :id and s.kind = 'ADMINISTRATIVE' and b.min_lon <= :maxLon and b.max_lon >= :minLon
				and b.min_lat <= :maxLat and b.max_lat >= :minLat
				""")
			.param("id", unitId)
			.param("minLon", box.getMinX())
			.param("maxLon", box.getMaxX())
			.param("minLat", box.getMinY())
			.param("maxLat", box.getMaxY())
			.query(BoundaryRepository::shape)
			.list();
	}

	/** Every boundary with its unit's level, for the index. */
	public List<BoundaryTree.Entry> all() {
		return jdbc.sql("select b.unit_id, u.level, b.area_km2, b.geometry from unit_boundary b join unit u on u.id = b.unit_id")
			.query((rs, n) -> new BoundaryTree.Entry(rs.getLong(1), UnitLevel.valueOf(rs.getString(2)).ordinal(),
					rs.getDouble(3), geometry(rs.getBytes(4))))
			.list();
	}

	public long generation() {
		return jdbc.sql("select generation from unit_boundary_generation where id = 1").query(Long.class).single();
	}

	/**
	 * Raises the generation and so locks its row to the end of the transaction: boundary changes
	 * run one after the other, each checked against the ones committed before it.
	 */
	public void raiseGeneration() {
		jdbc.sql("update unit_boundary_generation set generation = generation + 1 where id = 1").update();
	}

	/** Inserts or replaces; false when {@code version} is given and is not the stored one. */
	public boolean save(long unitId, Geometry shape, double areaKm2, String sha256, boolean demo, @Nullable Integer version,
			String by, Instant now) {
		byte[] wkb = new WKBWriter().write(shape);
		Envelope box = shape.getEnvelopeInternal();
		boolean exists = find(unitId).isPresent();
		String sql = exists ? """
				update unit_boundary set geometry = :wkb, vertices = :vertices, area_km2 = :area, min_lon = :minLon,
				min_lat = :minLat, max_lon = :maxLon, max_lat = :maxLat, sha256 = :sha, demo = :demo,
				version = version + 1, updated_by = :by, updated_at = :now
				where unit_id = :id and (cast(:version as int) is null or version = :version)
				""" : """
				insert into unit_boundary (unit_id, geometry, vertices, area_km2, min_lon, min_lat, max_lon, max_lat, sha256,
				demo, updated_by, updated_at)
				values (:id, :wkb, :vertices, :area, :minLon, :minLat, :maxLon, :maxLat, :sha, :demo, :by, :now)
				""";
		return jdbc.sql(sql)
			.param("id", unitId)
			.param("wkb", wkb)
			.param("vertices", shape.getNumPoints())
			.param("area", areaKm2)
			.param("minLon", box.getMinX())
			.param("minLat", box.getMinY())
			.param("maxLon", box.getMaxX())
			.param("maxLat", box.getMaxY())
			.param("sha", sha256)
			.param("demo", demo)
			.param("version", version, java.sql.Types.INTEGER)
			.param("by", by)
			.param("now", Times.utc(now))
			.update() == 1;
	}

	/** @return false when there was none, or {@code version} is given and is not the stored one */
	public boolean delete(long unitId, @Nullable Integer version) {
		return jdbc.sql("delete from unit_boundary where unit_id = :id and (cast(:version as int) is null or version = :version)")
			.param("id", unitId)
			.param("version", version, java.sql.Types.INTEGER)
			.update() == 1;
	}

	static Geometry geometry(byte[] wkb) {
		try {
			return new WKBReader(GeoJsonShapes.WGS84).read(wkb);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("a stored boundary is not WKB", ex);
		}
	}

	private static Shape shape(ResultSet rs, int row) throws SQLException {
		return new Shape(rs.getLong(1), rs.getString(2), rs.getString(3), geometry(rs.getBytes(4)));
	}

	private static UnitBoundary summary(ResultSet rs, int row) throws SQLException {
		return new UnitBoundary(rs.getLong("unit_id"), rs.getInt("vertices"), rs.getDouble("area_km2"),
				rs.getDouble("min_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lon"), rs.getDouble("max_lat"),
				rs.getString("sha256"), rs.getBoolean("demo"), rs.getInt("version"), rs.getString("updated_by"),
				rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
	}

}
