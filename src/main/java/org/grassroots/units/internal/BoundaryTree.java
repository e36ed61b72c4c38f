package org.grassroots.units.internal;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Every boundary in an STR-tree, for placing a point: the tree finds the few boundaries whose box
 * holds it, and each prepared shape answers point-in-polygon from its own index of edges. Built
 * once and never changed, so any number of threads may read it.
 */
public final class BoundaryTree {

	/** A unit's boundary: deeper levels win (a community before its street), then smaller areas. */
	public record Entry(long unitId, int level, double areaKm2, Geometry shape) {

	}

	private record Held(Entry entry, PreparedGeometry shape) {

	}

	private static final Comparator<Held> DEEPEST_FIRST = Comparator.comparingInt((Held held) -> -held.entry().level())
		.thenComparingDouble(held -> held.entry().areaKm2())
		.thenComparingLong(held -> held.entry().unitId());

	/** Its own factory, so that the tree needs nothing but JTS (bench/boundaries.sh loads it alone). */
	private static final GeometryFactory POINTS = new GeometryFactory(new PrecisionModel(), 4326);

	private final STRtree tree = new STRtree();

	private final int size;

	public BoundaryTree(List<Entry> entries) {
		for (Entry entry : entries) {
			tree.insert(entry.shape().getEnvelopeInternal(), new Held(entry, PreparedGeometryFactory.prepare(entry.shape())));
		}
		tree.build();
		this.size = entries.size();
	}

	public int size() {
		return size;
	}

	/** The unit of the deepest boundary holding the point; on an edge, either side's. */
	public OptionalLong place(double latitude, double longitude) {
		@SuppressWarnings("unchecked")
		List<Held> candidates = tree.query(new Envelope(longitude, longitude, latitude, latitude));
		if (candidates.isEmpty()) {
			return OptionalLong.empty();
		}
		Point point = POINTS.createPoint(new Coordinate(longitude, latitude));
		return candidates.stream()
			.sorted(DEEPEST_FIRST)
			.filter(held -> held.shape().intersects(point))
			.mapToLong(held -> held.entry().unitId())
			.findFirst();
	}

}
