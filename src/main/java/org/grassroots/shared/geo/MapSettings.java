package org.grassroots.shared.geo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map tiles the pages draw on (issue 21, docs/map.md): none by default, and then no page has
 * a map. Coordinates are stored in WGS-84; {@link #datum} says which datum the tiles are drawn in,
 * and points are converted to it on the server before a page gets them, and back after a click.
 *
 * @param tiles the tile URL template ({@code {s}}, {@code {z}}, {@code {x}}, {@code {y}}), http(s) or a
 * path on this server; empty: no map
 * @param labels an optional second tile layer drawn over the first (Tianditu's place names), same rules
 * @param attribution the tiles' attribution, shown as text
 * @param subdomains what {@code {s}} stands for: comma-separated, or each character (Leaflet's {@code "abc"})
 * @param datum {@code WGS84} (Tianditu, OpenStreetMap) or {@code GCJ02} (AutoNavi, Tencent)
 * @param maxZoom the highest zoom the tiles have
 * @param center where a map without points opens, {@code latitude,longitude} in WGS-84
 * @param zoom the zoom a map without points opens at
 */
@ConfigurationProperties("grassroots.map")
public record MapSettings(@DefaultValue("") String tiles, @DefaultValue("") String labels,
		@DefaultValue("") String attribution, @DefaultValue("") String subdomains, @DefaultValue("WGS84") Datum datum,
		@DefaultValue("18") int maxZoom, @DefaultValue("29.5630,106.5516") String center, @DefaultValue("11") int zoom) {

	/** Decimal places of a coordinate taken from a map: 0.000001° is about 0.1 m. */
	public static final int SCALE = 6;

	private static final Pattern ORIGIN = Pattern
		.compile("^(https?)://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?(?=[/?#]|$)");

	private static final Pattern SUBDOMAIN = Pattern.compile("[A-Za-z0-9-]+");

	/** The datum a map's tiles are drawn in. */
	public enum Datum {

		WGS84, GCJ02

	}

	public MapSettings {
		tiles = tiles == null ? "" : tiles.trim();
		labels = labels == null ? "" : labels.trim();
		attribution = attribution == null ? "" : attribution.trim();
		subdomains = subdomains == null ? "" : subdomains.trim();
		datum = datum == null ? Datum.WGS84 : datum;
		for (String subdomain : subdomainList(subdomains)) {
			if (!SUBDOMAIN.matcher(subdomain).matches()) {
				throw new IllegalArgumentException("grassroots.map.subdomains: letters, digits and hyphens only: " + subdomain);
			}
		}
		if (!labels.isEmpty() && tiles.isEmpty()) {
			throw new IllegalArgumentException("grassroots.map.labels needs grassroots.map.tiles");
		}
		origins(tiles, subdomains);
		origins(labels, subdomains);
		centerPoint(center);
	}

	/** No tiles, no map: the pages are as they were before issue 21. */
	public static MapSettings none() {
		return new MapSettings("", "", "", "", Datum.WGS84, 18, "29.5630,106.5516", 11);
	}

	public boolean enabled() {
		return !tiles.isEmpty();
	}

	/**
	 * The origins the tiles come from, for the pages' Content-Security-Policy {@code img-src}: one
	 * per subdomain, none for tiles on this server or no tiles at all.
	 */
	public List<String> imageSources() {
		Set<String> sources = new LinkedHashSet<>(origins(tiles, subdomains));
		sources.addAll(origins(labels, subdomains));
		return List.copyOf(sources);
	}

	/** Where a stored WGS-84 point is drawn on these tiles. */
	public Gcj02.Point display(double latitude, double longitude) {
		return datum == Datum.GCJ02 ? Gcj02.fromWgs(latitude, longitude) : new Gcj02.Point(latitude, longitude);
	}

	/** The WGS-84 point a position on a map of the given datum stands for, to {@value #SCALE} decimals. */
	public static Stored stored(Datum datum, BigDecimal latitude, BigDecimal longitude) {
		Gcj02.Point point = datum == Datum.GCJ02 ? Gcj02.toWgs(latitude.doubleValue(), longitude.doubleValue())
				: new Gcj02.Point(latitude.doubleValue(), longitude.doubleValue());
		return new Stored(scaled(point.lat()), scaled(point.lng()));
	}

	/** A datum a form names, or none for anything else (then its coordinates are WGS-84, as the API's). */
	public static @Nullable Datum datumOf(@Nullable String name) {
		if (name == null) {
			return null;
		}
		try {
			return Datum.valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Where a map without points opens, in the tiles' datum. */
	public Gcj02.Point displayCenter() {
		Gcj02.Point wgs = centerPoint(center);
		return display(wgs.lat(), wgs.lng());
	}

	/** What {@code {s}} stands for, as Leaflet reads a string of subdomains. */
	public List<String> subdomainList() {
		return subdomainList(subdomains);
	}

	/** A stored point, WGS-84. */
	public record Stored(BigDecimal latitude, BigDecimal longitude) {

	}

	private static BigDecimal scaled(double value) {
		return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP);
	}

	private static List<String> subdomainList(String subdomains) {
		if (subdomains.isEmpty()) {
			return List.of();
		}
		if (subdomains.contains(",")) {
			return java.util.Arrays.stream(subdomains.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		}
		return subdomains.codePoints().mapToObj(Character::toString).toList();
	}

	private static List<String> origins(String template, String subdomains) {
		if (template.isEmpty() || (template.startsWith("/") && !template.startsWith("//"))) {
			return List.of();
		}
		List<String> expanded = new ArrayList<>();
		if (template.contains("{s}")) {
			List<String> names = subdomainList(subdomains);
			if (names.isEmpty()) {
				throw new IllegalArgumentException("grassroots.map: the tiles name {s} but grassroots.map.subdomains is empty");
			}
			names.forEach(name -> expanded.add(template.replace("{s}", name)));
		}
		else {
			expanded.add(template);
		}
		List<String> origins = new ArrayList<>();
		for (String url : expanded) {
			Matcher origin = ORIGIN.matcher(url);
			if (!origin.find()) {
				throw new IllegalArgumentException(
						"grassroots.map: a tile URL is http(s)://host/… or a path on this server: " + template);
			}
			origins.add(origin.group(1) + "://" + origin.group(2).toLowerCase(Locale.ROOT)
					+ (origin.group(3) == null ? "" : origin.group(3)));
		}
		return origins;
	}

	private static Gcj02.Point centerPoint(String center) {
		String[] parts = center == null ? new String[0] : center.split(",");
		try {
			if (parts.length == 2) {
				double latitude = Double.parseDouble(parts[0].trim());
				double longitude = Double.parseDouble(parts[1].trim());
				if (Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) {
					return new Gcj02.Point(latitude, longitude);
				}
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new IllegalArgumentException("grassroots.map.center: latitude,longitude in degrees: " + center);
	}

}
