package org.grassroots.units;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.units.internal.BoundaryChecks;
import org.grassroots.units.internal.BoundaryIndex;
import org.grassroots.units.internal.BoundaryRepository;
import org.grassroots.units.internal.GeoJsonShapes;
import org.grassroots.units.internal.UnitRepository;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Units' boundaries (docs/units.md#boundaries): importing one from GeoJSON with its checks,
 * removing it, reading it back, and placing a point in the deepest administrative unit whose
 * boundary holds it. Those who may change a unit may change its boundary.
 */
@Service
public class UnitBoundaries {

	/** The largest GeoJSON text read: 50,000 vertices written with full precision fit well inside. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final String DEMO_FILE = "units/demo-boundaries.geojson";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final UnitRepository units;

	private final BoundaryRepository boundaries;

	private final BoundaryIndex index;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UnitBoundaries(UnitRepository units, BoundaryRepository boundaries, BoundaryIndex index,
			ApplicationEventPublisher events, Clock clock) {
		this.units = units;
		this.boundaries = boundaries;
		this.index = index;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The deepest administrative unit whose boundary holds the point (WGS-84): its community, else
	 * its street, else its district; empty where no boundary holds it. Answered from this node's
	 * index, with one read of the unit found.
	 */
	@Transactional(readOnly = true)
	public Optional<Unit> place(double latitude, double longitude) {
		if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) {
			return Optional.empty();
		}
		var found = index.place(latitude, longitude);
		return found.isPresent() ? units.find(found.getAsLong(), DataScope.CITY) : Optional.empty();
	}

	/** The unit's boundary without its shape, when it has one; 404 for a unit outside the scope. */
	@Transactional(readOnly = true)
	public Optional<UnitBoundary> find(long unitId, DataScope scope) {
		visible(unitId, scope);
		return boundaries.find(unitId);
	}

	/** The boundary as a GeoJSON Feature; its properties name the unit and say what {@link #find} says. */
	@Transactional(readOnly = true)
	public String geoJson(long unitId, DataScope scope) {
		Unit unit = visible(unitId, scope);
		UnitBoundary boundary = boundaries.find(unitId).orElseThrow(() -> new NotFoundException("boundary", unit.code()));
		Geometry shape = boundaries.shape(unitId).orElseThrow(() -> new NotFoundException("boundary", unit.code()));
		String properties = JSON.writeValueAsString(java.util.Map.of("code", unit.code(), "vertices", boundary.vertices(),
				"areaKm2", boundary.areaKm2(), "version", boundary.version(), "updatedBy", boundary.updatedBy(),
				"updatedAt", boundary.updatedAt().toString()));
		return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + GeoJsonShapes.write(shape) + "}";
	}

	/**
	 * Sets the unit's boundary from GeoJSON, after every check; {@code version}, when given, must be
	 * the stored boundary's (409 otherwise). One transaction, audited as UNIT_BOUNDARY_SET.
	 */
	@Transactional
	public UnitBoundary set(long unitId, String geoJson, @Nullable Integer version, CurrentUser user) {
		Unit unit = writable(unitId, user);
		return store(unit, geoJson, version, user.getUsername(), false);
	}

	/** Removes the unit's boundary; audited as UNIT_BOUNDARY_REMOVED. 404 when it has none. */
	@Transactional
	public void remove(long unitId, @Nullable Integer version, CurrentUser user) {
		Unit unit = writable(unitId, user);
		boundaries.raiseGeneration();
		UnitBoundary before = boundaries.find(unitId).orElseThrow(() -> new NotFoundException("boundary", unit.code()));
		if (!boundaries.delete(unitId, version)) {
			throw DomainException.staleVersion();
		}
		events.publishEvent(new UnitBoundaryRemoved(unit, before));
		index.rebuildAfterCommit();
	}

	/**
	 * The demo boundaries ({@code units/demo-boundaries.geojson}: one feature per unit, its code in
	 * {@code properties.code}, parents before children), through the same checks; demo data only.
	 */
	@Transactional
	public int loadDemo() {
		JsonNode features = readDemoFile().path("features");
		for (JsonNode feature : features) {
			Unit unit = units.findByCode(feature.path("properties").path("code").asString(), DataScope.CITY).orElseThrow();
			store(unit, feature.path("geometry").toString(), null, "system", true);
		}
		return features.size();
	}

	private UnitBoundary store(Unit unit, String geoJson, @Nullable Integer version, String by, boolean demo) {
		if (unit.kind() != UnitKind.ADMINISTRATIVE) {
			throw DomainException.invalid("units.boundary.department", unit.code());
		}
		Geometry shape = GeoJsonShapes.read(geoJson);
		BoundaryChecks.checkValid(shape);
		boundaries.raiseGeneration();
		checkFits(unit.id(), shape);
		BoundaryChecks.checkHoldsChildren(shape,
				boundaries.children(unit.id()).stream().map(UnitBoundaries::neighbour).toList());
		Optional<UnitBoundary> before = boundaries.find(unit.id());
		if (version != null && before.isEmpty()) {
			throw DomainException.staleVersion();
		}
		if (!boundaries.save(unit.id(), shape, BoundaryChecks.squareKm(shape), sha256(shape), demo, version, by,
				clock.instant())) {
			throw DomainException.staleVersion();
		}
		UnitBoundary after = boundaries.find(unit.id()).orElseThrow();
		events.publishEvent(new UnitBoundarySet(unit, before.orElse(null), after));
		index.rebuildAfterCommit();
		return after;
	}

	/**
	 * A unit just moved under another parent (in the caller's transaction): its boundary, if it has
	 * one, must fit there too, inside the new parent's and clear of the new siblings'.
	 */
	void checkStillFits(long unitId) {
		Optional<Geometry> shape = boundaries.shape(unitId);
		if (shape.isPresent()) {
			boundaries.raiseGeneration();
			checkFits(unitId, shape.get());
		}
	}

	/** Inside the parent's boundary and clear of the siblings', each up to the tolerance. */
	private void checkFits(long unitId, Geometry shape) {
		boundaries.parentOf(unitId).ifPresent(parent -> BoundaryChecks.checkInsideParent(shape, neighbour(parent)));
		BoundaryChecks.checkNoOverlap(shape, boundaries.siblingsMeeting(unitId, shape.getEnvelopeInternal())
			.stream()
			.map(UnitBoundaries::neighbour)
			.toList());
	}

	private Unit visible(long unitId, DataScope scope) {
		return units.find(unitId, scope).orElseThrow(() -> new NotFoundException("unit", unitId));
	}

	/**
	 * As for a rename ({@link UnitManagement}): an administrator's whole subtrees, not their own
	 * unit; the row is locked so that a move cannot slip between the checks and the write.
	 */
	private Unit writable(long unitId, CurrentUser user) {
		Unit unit = units.lock(unitId, user.unitsAdministered().subtreesOnly())
			.orElseThrow(() -> new NotFoundException("unit", unitId));
		if (!user.has(Role.CITY_ADMIN) && !user.unitsAdministered().all() && unit.path().equals(user.unitPath())) {
			throw DomainException.forbidden("units.error.own-unit");
		}
		return unit;
	}

	private static BoundaryChecks.Neighbour neighbour(BoundaryRepository.Shape shape) {
		return new BoundaryChecks.Neighbour(shape.nameZh(), shape.nameEn(), shape.shape());
	}

	private static String sha256(Geometry shape) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new WKBWriter().write(shape)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode readDemoFile() {
		try (InputStream in = new ClassPathResource(DEMO_FILE).getInputStream()) {
			return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + DEMO_FILE, ex);
		}
	}

}
