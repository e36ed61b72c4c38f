package org.grassroots.open311.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.shared.DataScope;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitBoundaries;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds the unit a request belongs to: the unit named by {@code address_id}, else the deepest unit
 * whose boundary holds the latitude and longitude, else the smallest reference area around them,
 * else the deepest unit named in the address, else the configured default unit. A request is never
 * dropped for want of a match.
 */
@Component
public class Locator {

	/** Place names as Chongqing writes them: district, county, street, town, township, community, village. */
	private static final Pattern PLACE = Pattern.compile("[\\p{IsHan}]+?(?:街道|社区|区|县|镇|乡|村)");

	private final UnitManagement units;

	private final UnitBoundaries boundaries;

	private final AreaRepository areas;

	private final String defaultUnit;

	Locator(UnitManagement units, UnitBoundaries boundaries, AreaRepository areas,
			@Value("${grassroots.open311.default-unit:500000}") String defaultUnit) {
		this.units = units;
		this.boundaries = boundaries;
		this.areas = areas;
		this.defaultUnit = defaultUnit;
	}

	/**
	 * Where a request landed, whether a boundary holding its point placed it, whether it fell back
	 * to the default unit, and whether an {@code address_id} was given that names no unit we serve
	 * (the other fields placed it).
	 */
	public record Placed(Unit unit, boolean byBoundary, boolean byDefault, boolean addressIdUnknown) {

	}

	public Placed place(@Nullable String addressId, @Nullable Double latitude, @Nullable Double longitude,
			@Nullable String address) {
		Optional<Unit> byCode = byCode(addressId);
		boolean addressIdUnknown = addressId != null && !addressId.isBlank() && byCode.isEmpty();
		boolean hasPoint = latitude != null && longitude != null;
		if (byCode.isEmpty() && hasPoint) {
			Optional<Unit> byBoundary = boundaries.place(latitude, longitude);
			if (byBoundary.isPresent()) {
				return new Placed(byBoundary.get(), true, false, addressIdUnknown);
			}
		}
		return byCode.or(() -> hasPoint ? byPoint(latitude, longitude) : Optional.empty())
			.or(() -> byAddress(address))
			.map(unit -> new Placed(unit, false, false, addressIdUnknown))
			.orElseGet(() -> new Placed(units.getByCode(defaultUnit, DataScope.CITY), false, true, addressIdUnknown));
	}

	/** A unit code that is not a department's; a miss leaves the transaction usable for the fallbacks. */
	private Optional<Unit> byCode(@Nullable String code) {
		if (code == null || code.isBlank() || code.length() > 64) {
			return Optional.empty();
		}
		return units.findByCode(code.trim(), DataScope.CITY).filter(unit -> unit.kind() != UnitKind.DEPARTMENT);
	}

	/** The reference area with the smallest radius that holds the point: a community before its street. */
	private Optional<Unit> byPoint(double latitude, double longitude) {
		return areas.near(latitude, longitude)
			.stream()
			.filter(area -> meters(latitude, longitude, area.latitude(), area.longitude()) <= area.radiusMeters())
			.min(Comparator.comparingInt(AreaRepository.Area::radiusMeters))
			.flatMap(area -> byCode(area.unitCode()));
	}

	/** The deepest unit whose full name appears in the address. */
	private Optional<Unit> byAddress(@Nullable String address) {
		if (address == null || address.isBlank()) {
			return Optional.empty();
		}
		Unit deepest = null;
		Matcher matcher = PLACE.matcher(address);
		while (matcher.find()) {
			Unit found = named(matcher.group());
			if (found != null && (deepest == null || found.depth() > deepest.depth())) {
				deepest = found;
			}
		}
		return Optional.ofNullable(deepest);
	}

	/** "重庆市南岸区" holds "南岸区": the longest tail of the phrase that is a unit's name. */
	private @Nullable Unit named(String phrase) {
		for (int start = 0; start < phrase.length() - 1; start++) {
			String tail = phrase.substring(start);
			List<Unit> matches = units.search(tail, DataScope.CITY)
				.stream()
				.filter(unit -> unit.nameZh().equals(tail) && unit.kind() != UnitKind.DEPARTMENT)
				.toList();
			if (!matches.isEmpty()) {
				return matches.get(0);
			}
		}
		return null;
	}

	/** Great-circle distance; plenty for telling a community from its street. */
	static double meters(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 6_371_000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

}
