package org.grassroots.units.internal;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.shared.DomainException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a boundary from GeoJSON (RFC 7946) into a JTS polygon or multipolygon and writes one back.
 * jts-io-common is not a dependency, and the reader has to refuse with our own messages anyway:
 * which ring is open, which position lies outside WGS-84, and when the vertex cap is passed (counted
 * while reading, so a huge file is refused before it is built).
 */
public final class GeoJsonShapes {

	/** WGS-84, longitude as x and latitude as y, as GeoJSON orders them. */
	public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	/** A boundary with more vertices than this is refused: a community's has a few hundred. */
	public static final int MAX_VERTICES = 50_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> OTHER_GEOMETRIES = List.of("Point", "MultiPoint", "LineString", "MultiLineString",
			"GeometryCollection");

	private int vertices;

	private GeoJsonShapes() {
	}

	/** A Polygon or MultiPolygon, bare or as the geometry of a Feature or of a FeatureCollection's one feature. */
	public static Geometry read(String text) {
		JsonNode root;
		try {
			root = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw DomainException.invalid("units.boundary.not-json");
		}
		return new GeoJsonShapes().shape(geometryOf(root));
	}

	private static JsonNode geometryOf(JsonNode root) {
		String type = root == null ? "" : root.path("type").asString("");
		if ("FeatureCollection".equals(type)) {
			JsonNode features = root.path("features");
			if (!features.isArray() || features.size() != 1) {
				throw DomainException.invalid("units.boundary.one-feature", features.size());
			}
			return geometryOf(features.get(0));
		}
		return "Feature".equals(type) ? root.path("geometry") : root;
	}

	private Geometry shape(JsonNode geometry) {
		String type = geometry.path("type").asString("");
		JsonNode coordinates = geometry.path("coordinates");
		if (OTHER_GEOMETRIES.contains(type)) {
			throw DomainException.invalid("units.boundary.not-polygon", type);
		}
		if (!coordinates.isArray() || !("Polygon".equals(type) || "MultiPolygon".equals(type))) {
			throw DomainException.invalid("units.boundary.not-geojson");
		}
		if ("Polygon".equals(type)) {
			return polygon(coordinates);
		}
		Polygon[] polygons = new Polygon[coordinates.size()];
		for (int i = 0; i < polygons.length; i++) {
			polygons[i] = polygon(coordinates.get(i));
		}
		if (polygons.length == 0) {
			throw DomainException.invalid("units.boundary.not-geojson");
		}
		return polygons.length == 1 ? polygons[0] : WGS84.createMultiPolygon(polygons);
	}

	private Polygon polygon(JsonNode rings) {
		if (!rings.isArray() || rings.isEmpty()) {
			throw DomainException.invalid("units.boundary.not-geojson");
		}
		LinearRing shell = ring(rings.get(0));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i));
		}
		return WGS84.createPolygon(shell, holes);
	}

	private LinearRing ring(JsonNode positions) {
		if (!positions.isArray()) {
			throw DomainException.invalid("units.boundary.not-geojson");
		}
		vertices += positions.size();
		if (vertices > MAX_VERTICES) {
			throw DomainException.invalid("units.boundary.too-many-vertices", MAX_VERTICES);
		}
		List<Coordinate> ring = new ArrayList<>(positions.size());
		for (JsonNode position : positions) {
			ring.add(position(position));
		}
		if (ring.size() < 4) {
			throw DomainException.invalid("units.boundary.ring-too-short", ring.size());
		}
		Coordinate first = ring.get(0);
		Coordinate last = ring.get(ring.size() - 1);
		if (!first.equals2D(last)) {
			throw DomainException.invalid("units.boundary.ring-not-closed", text(first), text(last));
		}
		return WGS84.createLinearRing(ring.toArray(Coordinate[]::new));
	}

	/** A swapped pair ([29.5, 106.5]) or projected metres land outside the range and are named. */
	private static Coordinate position(JsonNode position) {
		if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
			throw DomainException.invalid("units.boundary.not-geojson");
		}
		double longitude = position.get(0).doubleValue();
		double latitude = position.get(1).doubleValue();
		if (!(Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90)) {
			throw DomainException.invalid("units.boundary.out-of-range", position.get(0).asString(),
					position.get(1).asString());
		}
		return new Coordinate(longitude, latitude);
	}

	static String text(Coordinate coordinate) {
		return "[" + coordinate.x + ", " + coordinate.y + "]";
	}

	/** The shape as a GeoJSON geometry object, positions as [longitude, latitude]. */
	public static String write(Geometry shape) {
		StringBuilder json = new StringBuilder(shape.getNumPoints() * 40);
		if (shape instanceof MultiPolygon) {
			json.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			for (int i = 0; i < shape.getNumGeometries(); i++) {
				json.append(i == 0 ? "" : ",");
				rings(json, (Polygon) shape.getGeometryN(i));
			}
			return json.append("]}").toString();
		}
		json.append("{\"type\":\"Polygon\",\"coordinates\":");
		rings(json, (Polygon) shape);
		return json.append("}").toString();
	}

	private static void rings(StringBuilder json, Polygon polygon) {
		json.append('[');
		positions(json, polygon.getExteriorRing().getCoordinates());
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			json.append(',');
			positions(json, polygon.getInteriorRingN(i).getCoordinates());
		}
		json.append(']');
	}

	private static void positions(StringBuilder json, Coordinate[] coordinates) {
		json.append('[');
		for (int i = 0; i < coordinates.length; i++) {
			json.append(i == 0 ? "[" : ",[").append(coordinates[i].x).append(',').append(coordinates[i].y).append(']');
		}
		json.append(']');
	}

}
