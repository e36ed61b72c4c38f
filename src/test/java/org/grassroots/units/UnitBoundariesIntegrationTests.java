package org.grassroots.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.grassroots.units.internal.BoundaryIndex;
import org.grassroots.units.internal.GeoJsonShapes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Boundaries as administrators import them and as placement uses them. Each test draws its units
 * in a square of 0.01° (about 1 km) of its own, picked at random in the north-east of the city,
 * away from the demo boundaries, so that runs on a kept database do not meet each other's.
 */
@IntegrationTest
class UnitBoundariesIntegrationTests {

	private static final double CELL = 0.01;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UnitBoundaries boundaries;

	@Autowired
	BoundaryIndex index;

	Api api;

	String cityAdmin;

	/** The test's square: its south-west corner. */
	double west;

	double south;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		cityAdmin = api.token("city.admin");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		west = 107.5 + random.nextInt(250) * CELL;
		south = 30.0 + random.nextInt(150) * CELL;
	}

	@Test
	void aPointIsPlacedInTheDeepestUnitWhoseBoundaryHoldsIt() {
		// given a district whose square holds a street on its west half with one community in its south,
		// and a second street in its south-east quarter
		Tree tree = tree();
		assertThat(put(cityAdmin, tree.district(), square(0, 0, 1, 1)).status()).isEqualTo(200);
		Api.Reply street = put(cityAdmin, tree.street(), square(0, 0, 0.5, 1));
		assertThat(street.status()).as(street.body()).isEqualTo(200);
		assertThat(street.json().path("vertices").asInt()).isEqualTo(5);
		// 0.005° of latitude by 0.01° of longitude at 30°N: 0.553 km by 0.963 km
		assertThat(street.json().path("areaKm2").asDouble()).isBetween(0.45, 0.6);
		assertThat(put(cityAdmin, tree.east(), square(0.5, 0, 1, 0.5)).status()).isEqualTo(200);
		assertThat(put(cityAdmin, tree.community(), feature(square(0, 0, 0.5, 0.5))).status()).isEqualTo(200);

		// then each point finds the deepest unit around it
		assertThat(place(0.25, 0.25)).contains(tree.community().code());
		assertThat(place(0.75, 0.25)).contains(tree.street().code());
		assertThat(place(0.25, 0.75)).contains(tree.east().code());
		assertThat(place(0.75, 0.75)).contains(tree.district().code());
		assertThat(boundaries.place(-45, -150)).isEmpty();

		// and the boundary reads back as GeoJSON, and each import is in the audit log
		Api.Reply back = api.get(cityAdmin, "/api/v1/units/" + tree.community().id() + "/boundary");
		assertThat(back.status()).isEqualTo(200);
		assertThat(back.json().path("geometry").path("type").asString()).isEqualTo("Polygon");
		assertThat(back.json().path("properties").path("code").asString()).isEqualTo(tree.community().code());
		assertThat(back.json().path("geometry").path("coordinates").get(0).get(1).get(0).asDouble())
			.isEqualTo(west + 0.5 * CELL);
		assertThat(audited("UNIT_BOUNDARY_SET", tree.community().code())).isEqualTo(1);
	}

	@Test
	void everyCheckRefusesWithItsOwnMessageAndStoresNothing() {
		Tree tree = tree();
		assertThat(put(cityAdmin, tree.district(), square(0, 0, 1, 1)).status()).isEqualTo(200);
		assertThat(put(cityAdmin, tree.street(), square(0, 0, 0.5, 1)).status()).isEqualTo(200);
		Node east = tree.east();

		assertRefused(east, "{\"type\": \"Polygon\",", "Not valid JSON");
		assertRefused(east, "{\"type\": \"Topology\", \"objects\": {}}", "Not a GeoJSON area");
		assertRefused(east, "{\"type\": \"Point\", \"coordinates\": [108.1, 30.1]}", "not a Point");
		assertRefused(east, "{\"type\": \"FeatureCollection\", \"features\": [" + feature(square(0.5, 0, 1, 0.5)) + ","
				+ feature(square(0.5, 0.5, 1, 1)) + "]}", "exactly one feature, not 2");
		assertRefused(east, polygon(corner(0.5, 0), corner(1, 0), corner(1, 0.5), corner(0.5, 0.5)), "is not closed");
		assertRefused(east, polygon(corner(0.5, 0), corner(1, 0), corner(0.5, 0)), "at least 4 positions");
		// a bow tie: its two edges cross in the middle
		assertRefused(east, polygon(corner(0.5, 0), corner(1, 0.5), corner(1, 0), corner(0.5, 0.5), corner(0.5, 0)),
				"crosses itself");
		// latitude and longitude swapped
		assertRefused(east, "{\"type\": \"Polygon\", \"coordinates\": [[[30.0, 108.0], [30.0, 108.01], [30.01, 108.01],"
				+ " [30.0, 108.0]]]}", "outside WGS-84");
		assertRefused(east, circle(GeoJsonShapes.MAX_VERTICES + 1), "Too many vertices: at most 50,000");
		// half of it beyond the district's east edge
		assertRefused(east, square(0.5, 0, 1.5, 0.5), "outside the boundary of the parent unit");
		// a fifth of it over the west street
		assertRefused(east, square(0.4, 0, 1, 0.5), "overlaps the sibling unit");
		assertThat(api.get(cityAdmin, "/api/v1/units/" + east.id() + "/boundary").status()).isEqualTo(404);

		// a sliver within the tolerance is accepted: 0.5% of its area over the district's edge and the street
		assertThat(put(cityAdmin, east, square(0.4975, 0, 1.0025, 0.5)).status()).isEqualTo(200);
		// and a department has no boundary
		Node department = create(tree.district(), "DISTRICT", "DEPARTMENT");
		assertRefused(department, square(0, 0, 0.1, 0.1), "is a department");
		assertThat(audited("UNIT_BOUNDARY_SET", east.code())).isEqualTo(1);
	}

	@Test
	void aParentKeepsHoldingItsChildrenAndAMovedUnitMustFitWhereItGoes() {
		// given a district, its west street holding a community in its south-west quarter, and an east street
		Tree tree = tree();
		assertThat(put(cityAdmin, tree.district(), square(0, 0, 1, 1)).status()).isEqualTo(200);
		assertThat(put(cityAdmin, tree.street(), square(0, 0, 0.5, 1)).status()).isEqualTo(200);
		assertThat(put(cityAdmin, tree.east(), square(0.5, 0, 1, 1)).status()).isEqualTo(200);
		assertThat(put(cityAdmin, tree.community(), square(0, 0, 0.5, 0.5)).status()).isEqualTo(200);

		// a new street boundary that leaves the community out is refused, naming it; the old one stays
		Api.Reply shrunk = put(cityAdmin, tree.street(), square(0, 0.5, 0.5, 1));
		assertThat(shrunk.status()).as(shrunk.body()).isEqualTo(400);
		assertThat(shrunk.text("detail")).contains("lie outside this boundary", "Boundary test " + tree.community().code());
		assertThat(place(0.75, 0.25)).contains(tree.street().code());
		assertThat(api.get(cityAdmin, "/api/v1/units/" + tree.street().id() + "/boundary").json().path("properties")
			.path("version").asInt()).isZero();

		// the community cannot move under the east street, whose boundary does not hold it: nothing moves
		JsonNode community = api.get(cityAdmin, "/api/v1/units/" + tree.community().id()).json();
		Api.Reply moved = api.post(cityAdmin, "/api/v1/units/" + tree.community().id() + "/move",
				Api.json("parentId", tree.east().id(), "version", community.path("version").asInt()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(400);
		assertThat(moved.text("detail")).contains("outside the boundary of the parent unit");
		assertThat(api.get(cityAdmin, "/api/v1/units/" + tree.community().id()).json().path("parentId").asLong())
			.isEqualTo(tree.street().id());
	}

	@Test
	void onlyThoseWhoMayChangeTheUnitMayChangeItsBoundary() {
		// given a street and a community in Nan'an
		Node nanan = unit("500108");
		Node street = create(nanan, "STREET", "ADMINISTRATIVE");
		Node community = create(street, "COMMUNITY", "ADMINISTRATIVE");
		String shape = square(0, 0, 0.5, 0.5);

		// another district's administrator does not find it, a caseworker may not change it, and
		// Nan'an's administrator may not change Nan'an's own
		assertThat(put(api.token("yuzhong.admin"), community, shape).status()).isEqualTo(404);
		assertThat(api.delete(api.token("yuzhong.admin"), "/api/v1/units/" + community.id() + "/boundary").status())
			.isEqualTo(404);
		assertThat(put(api.token("huayuanlu.worker"), community, shape).status()).isIn(403, 404);
		String nananAdmin = api.token("nanan.admin");
		assertThat(put(nananAdmin, nanan, square(0, 0, 1, 1)).status()).isEqualTo(403);
		assertThat(audited("UNIT_BOUNDARY_SET", community.code())).isZero();

		// Nan'an's administrator sets it, and removes it with the version they saw
		Api.Reply set = put(nananAdmin, community, shape);
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(api.delete(nananAdmin, "/api/v1/units/" + community.id() + "/boundary?version=7").status())
			.isEqualTo(409);
		assertThat(api.delete(nananAdmin, "/api/v1/units/" + community.id() + "/boundary?version="
				+ set.json().path("version").asInt()).status()).isEqualTo(204);
		assertThat(api.get(nananAdmin, "/api/v1/units/" + community.id() + "/boundary").status()).isEqualTo(404);
		assertThat(audited("UNIT_BOUNDARY_SET", community.code())).isEqualTo(1);
		assertThat(audited("UNIT_BOUNDARY_REMOVED", community.code())).isEqualTo(1);
	}

	@Test
	void theIndexFollowsChangesOnThisNodeAtOnceAndOtherNodesOnItsCheck() {
		Tree tree = tree();
		put(cityAdmin, tree.district(), square(0, 0, 1, 1));
		put(cityAdmin, tree.street(), square(0, 0, 0.5, 1));
		Api.Reply community = put(cityAdmin, tree.community(), square(0, 0, 0.5, 0.5));
		assertThat(place(0.25, 0.25)).contains(tree.community().code());

		// a new shape and a removal are seen by the next placement on this node
		Api.Reply moved = api.put(cityAdmin, "/api/v1/units/" + tree.community().id() + "/boundary?version="
				+ community.json().path("version").asInt(), square(0, 0.5, 0.5, 1));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(place(0.25, 0.25)).contains(tree.street().code());
		assertThat(place(0.75, 0.25)).contains(tree.community().code());
		assertThat(api.delete(cityAdmin, "/api/v1/units/" + tree.community().id() + "/boundary").status()).isEqualTo(204);
		assertThat(place(0.75, 0.25)).contains(tree.street().code());

		// a change another node made (here behind this node's back) is seen once the check runs
		jdbc.sql("delete from unit_boundary where unit_id = :id").param("id", tree.street().id()).update();
		jdbc.sql("update unit_boundary_generation set generation = generation + 1").update();
		index.check();
		assertThat(place(0.75, 0.25)).contains(tree.district().code());
	}

	@Test
	void thePageShowsTheBoundaryAndImportsAndRemovesIt() throws Exception {
		Tree tree = tree();
		put(cityAdmin, tree.district(), square(0, 0, 1, 1));
		PageClient page = new PageClient(port);
		page.signIn("city.admin", Api.DEMO_PASSWORD);
		String path = "/units/" + tree.street().id();
		assertThat(page.get(path).body()).contains("尚未设置边界").contains("boundary-form");

		// a refused file is named on the page, with the status of the refusal
		HttpResponse<String> refused = upload(page, path, "{\"type\": \"Point\", \"coordinates\": [108, 30]}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("边界须为面");

		HttpResponse<String> imported = upload(page, path, square(0, 0, 0.5, 1));
		assertThat(imported.statusCode()).isEqualTo(302);
		assertThat(page.get(path).body()).contains("5 个顶点").contains("city.admin").contains("boundary-remove-form");
		int version = api.get(cityAdmin, "/api/v1/units/" + tree.street().id() + "/boundary").json()
			.path("properties").path("version").asInt();
		assertThat(page.submit(path, path + "/boundary/remove", "version=" + version).statusCode()).isEqualTo(302);
		assertThat(page.get(path).body()).contains("尚未设置边界");
	}

	/** A district, a street on its west, one on its east, and a community in the west street. */
	private record Tree(Node district, Node street, Node east, Node community) {

	}

	private Tree tree() {
		Node city = unit("500000");
		Node district = create(city, "DISTRICT", "ADMINISTRATIVE");
		Node street = create(district, "STREET", "ADMINISTRATIVE");
		return new Tree(district, street, create(district, "STREET", "ADMINISTRATIVE"),
				create(street, "COMMUNITY", "ADMINISTRATIVE"));
	}

	private record Node(long id, String code) {

	}

	private Node unit(String code) {
		JsonNode unit = api.get(cityAdmin, "/api/v1/units/by-code/" + code).json();
		return new Node(unit.path("id").asLong(), code);
	}

	private Node create(Node parent, String level, String kind) {
		String code = Api.uniqueCode("B");
		Api.Reply created = api.post(cityAdmin, "/api/v1/units", Api.json("code", code, "parentId", parent.id(), "nameZh",
				"边界测试" + code, "nameEn", "Boundary test " + code, "level", level, "kind", kind));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Node(created.json().path("id").asLong(), code);
	}

	private Api.Reply put(String token, Node unit, String geoJson) {
		return api.put(token, "/api/v1/units/" + unit.id() + "/boundary", geoJson);
	}

	private void assertRefused(Node unit, String geoJson, String message) {
		Api.Reply refused = put(cityAdmin, unit, geoJson);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.text("detail")).contains(message);
	}

	/** The unit placed for a point of the test's square, in fractions of its side from the south-west. */
	private Optional<String> place(double north, double east) {
		return boundaries.place(south + north * CELL, west + east * CELL).map(Unit::code);
	}

	private long audited(String kind, String code) {
		return jdbc.sql("select count(*) from audit_record where kind = :kind and subject_id = :code")
			.param("kind", kind)
			.param("code", code)
			.query(Long.class)
			.single();
	}

	/** A position in the test's square, in fractions of its side. */
	private double[] corner(double east, double north) {
		return new double[] { west + east * CELL, south + north * CELL };
	}

	private String square(double x0, double y0, double x1, double y1) {
		return polygon(corner(x0, y0), corner(x1, y0), corner(x1, y1), corner(x0, y1), corner(x0, y0));
	}

	private static String polygon(double[]... ring) {
		StringBuilder json = new StringBuilder("{\"type\": \"Polygon\", \"coordinates\": [[");
		for (int i = 0; i < ring.length; i++) {
			json.append(i == 0 ? "" : ", ").append('[').append(ring[i][0]).append(", ").append(ring[i][1]).append(']');
		}
		return json.append("]]}").toString();
	}

	private static String feature(String geometry) {
		return "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": " + geometry + "}";
	}

	private String circle(int vertices) {
		double[][] ring = new double[vertices][];
		for (int i = 0; i < vertices - 1; i++) {
			double angle = 2 * Math.PI * i / (vertices - 1);
			ring[i] = corner(0.5 + 0.4 * Math.cos(angle), 0.5 + 0.4 * Math.sin(angle));
		}
		ring[vertices - 1] = ring[0];
		return polygon(ring);
	}

	private HttpResponse<String> upload(PageClient page, String path, String geoJson) throws Exception {
		String boundary = "----grassroots" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + page.csrf(path)
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.geojson\"\r\n"
				+ "Content-Type: application/geo+json\r\n\r\n" + geoJson + "\r\n--" + boundary + "--\r\n";
		return page.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + "/boundary"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
