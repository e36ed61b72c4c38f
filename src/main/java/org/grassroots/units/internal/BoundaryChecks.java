package org.grassroots.units.internal;

import java.util.List;

import org.grassroots.shared.DomainException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The checks a boundary passes before it is stored: a valid shape, inside its parent's boundary and
 * not overlapping its siblings', each up to a tolerance. Boundaries drawn from different sources
 * disagree along shared edges by a few metres, so a sliver is allowed: at most 1% of the smaller
 * boundary's area, and never more than 1 km².
 */
public final class BoundaryChecks {

	/** The share of the smaller boundary's area that may lie outside the parent or inside a sibling. */
	public static final double TOLERANCE_SHARE = 0.01;

	/** The most area that may lie outside the parent or inside one sibling, whatever the sizes. */
	public static final double TOLERANCE_MAX_KM2 = 1.0;

	/** WGS-84's semi-major axis, as GeoJSON area calculators use it. */
	private static final double EARTH_RADIUS_M = 6_378_137;

	/** A neighbouring boundary: its unit's names for the message (Chinese, English), and its shape. */
	public record Neighbour(String nameZh, String nameEn, Geometry shape) {

	}

	private BoundaryChecks() {
	}

	/** IsValidOp's verdict, with where it found the fault. */
	public static void checkValid(Geometry shape) {
		TopologyValidationError error = new IsValidOp(shape).getValidationError();
		if (error == null) {
			return;
		}
		Coordinate at = error.getCoordinate();
		String where = at == null ? "" : GeoJsonShapes.text(at);
		boolean crossing = error.getErrorType() == TopologyValidationError.SELF_INTERSECTION
				|| error.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION;
		throw DomainException.invalid(crossing ? "units.boundary.self-intersecting" : "units.boundary.invalid", where);
	}

	/** Refused when more than the tolerance of the shape lies outside the parent's boundary. */
	public static void checkInsideParent(Geometry shape, Neighbour parent) {
		PreparedGeometry prepared = PreparedGeometryFactory.prepare(parent.shape());
		if (prepared.covers(shape)) {
			return;
		}
		double outside = squareKm(OverlayNGRobust.overlay(shape, parent.shape(), OverlayNG.DIFFERENCE));
		if (outside > tolerance(squareKm(shape))) {
			throw DomainException.invalid("units.boundary.outside-parent", parent.nameZh(), km2(outside), parent.nameEn());
		}
	}

	/** Refused when more than the tolerance of a child's boundary lies outside the shape. */
	public static void checkHoldsChildren(Geometry shape, List<Neighbour> children) {
		PreparedGeometry prepared = PreparedGeometryFactory.prepare(shape);
		for (Neighbour child : children) {
			if (prepared.covers(child.shape())) {
				continue;
			}
			double outside = squareKm(OverlayNGRobust.overlay(child.shape(), shape, OverlayNG.DIFFERENCE));
			if (outside > tolerance(squareKm(child.shape()))) {
				throw DomainException.invalid("units.boundary.leaves-child", child.nameZh(), km2(outside), child.nameEn());
			}
		}
	}

	/** Refused when the shape shares more than the tolerance with any sibling's boundary. */
	public static void checkNoOverlap(Geometry shape, List<Neighbour> siblings) {
		PreparedGeometry prepared = PreparedGeometryFactory.prepare(shape);
		double area = squareKm(shape);
		for (Neighbour sibling : siblings) {
			if (!prepared.intersects(sibling.shape())) {
				continue;
			}
			double shared = squareKm(OverlayNGRobust.overlay(shape, sibling.shape(), OverlayNG.INTERSECTION));
			if (shared > tolerance(Math.min(area, squareKm(sibling.shape())))) {
				throw DomainException.invalid("units.boundary.overlaps-sibling", sibling.nameZh(), km2(shared), sibling.nameEn());
			}
		}
	}

	static double tolerance(double smallerKm2) {
		return Math.min(smallerKm2 * TOLERANCE_SHARE, TOLERANCE_MAX_KM2);
	}

	/**
	 * The area on the sphere in km² (the formula of Chamberlain and Duquette, NASA JPL 2007, that
	 * GeoJSON tools use): exact enough for a tolerance and a figure on a page, with no projection.
	 */
	public static double squareKm(Geometry shape) {
		double m2 = 0;
		for (int i = 0; i < shape.getNumGeometries(); i++) {
			if (shape.getGeometryN(i) instanceof Polygon polygon) {
				m2 += Math.abs(ringArea(polygon.getExteriorRing().getCoordinates()));
				for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
					m2 -= Math.abs(ringArea(polygon.getInteriorRingN(h).getCoordinates()));
				}
			}
		}
		return m2 / 1_000_000;
	}

	private static double ringArea(Coordinate[] ring) {
		double total = 0;
		for (int i = 0; i + 1 < ring.length; i++) {
			Coordinate p1 = ring[i];
			Coordinate p2 = ring[i + 1];
			total += Math.toRadians(p2.x - p1.x) * (2 + Math.sin(Math.toRadians(p1.y)) + Math.sin(Math.toRadians(p2.y)));
		}
		return total * EARTH_RADIUS_M * EARTH_RADIUS_M / 2;
	}

	private static String km2(double value) {
		return String.format(java.util.Locale.ROOT, "%.3f", value);
	}

}
