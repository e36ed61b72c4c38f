package org.grassroots.shared.geo;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a page's map shows (the fragment {@code fragments/layout :: map} draws it with
 * {@code static/js/map.js}): its tiles, and its points already in the tiles' datum, so that the
 * browser converts nothing.
 *
 * @param mode {@code pick}: a click sets the form's latitude and longitude; {@code show}: markers only
 * @param collapsible whether a phone shows it only on request (lists); a form's or one problem's map is always shown
 * @param picked the point already chosen on a form, in the tiles' datum
 * @param markers the points to show, in the tiles' datum
 */
public record MapView(String mode, boolean collapsible, MapSettings settings, Gcj02.Point center,
		Gcj02.@Nullable Point picked, List<Marker> markers) {

	/**
	 * A point to show: where it is drawn, its label, and where it leads (a path on this server), if anywhere.
	 */
	public record Marker(double lat, double lng, String label, @Nullable String href) {

	}

	/** A stored (WGS-84) point to show, with its label and link. */
	public record Place(BigDecimal latitude, BigDecimal longitude, String label, @Nullable String href) {

	}

	/** A form's map: a click chooses the point; a point given before (WGS-84) is shown again. */
	public static MapView pick(MapSettings settings, @Nullable BigDecimal latitude, @Nullable BigDecimal longitude) {
		Gcj02.Point picked = latitude == null || longitude == null ? null
				: settings.display(latitude.doubleValue(), longitude.doubleValue());
		return new MapView("pick", false, settings, settings.displayCenter(), picked, List.of());
	}

	/** A map of stored points, each drawn where the tiles put it. */
	public static MapView show(MapSettings settings, boolean collapsible, List<Place> places) {
		List<Marker> markers = places.stream().map(place -> {
			Gcj02.Point drawn = settings.display(place.latitude().doubleValue(), place.longitude().doubleValue());
			return new Marker(drawn.lat(), drawn.lng(), place.label(), place.href());
		}).toList();
		return new MapView("show", collapsible, settings, settings.displayCenter(), null, markers);
	}

	/** The chosen point's latitude for the form's hidden field, to {@value MapSettings#SCALE} decimals, or none. */
	public @Nullable String pickedLatitude() {
		return picked == null ? null : decimal(picked.lat());
	}

	/** The chosen point's longitude for the form's hidden field, or none. */
	public @Nullable String pickedLongitude() {
		return picked == null ? null : decimal(picked.lng());
	}

	private static String decimal(double value) {
		return BigDecimal.valueOf(value).setScale(MapSettings.SCALE, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	/** The subdomains as Leaflet takes them in a data attribute: comma-separated. */
	public String subdomains() {
		return String.join(",", settings.subdomainList());
	}

}
