package org.grassroots.shared.geo;

/**
 * Converts between WGS-84, which Grassroots stores (as Open311 and phones' GPS give it), and
 * GCJ-02, the offset datum that maps published in China (Tianditu excepted, AMap, Tencent) draw
 * in by law (issue 21). The offset is the published GCJ-02 formula on the Krasovsky 1940
 * ellipsoid; points outside China's rough bounding box are not offset. The inverse has no closed
 * form and is found by fixed-point iteration, to well under a millimetre.
 */
public final class Gcj02 {

	/** Krasovsky 1940: the semi-major axis, metres, and the first eccentricity squared. */
	private static final double A = 6378245.0;

	private static final double EE = 0.00669342162296594323;

	private static final int MAX_ITERATIONS = 30;

	private static final double PRECISION_DEGREES = 1e-10;

	private Gcj02() {
	}

	/** A latitude and longitude in degrees. */
	public record Point(double lat, double lng) {

	}

	/** Where a WGS-84 point is drawn on a GCJ-02 map. */
	public static Point fromWgs(double lat, double lng) {
		if (outsideChina(lat, lng)) {
			return new Point(lat, lng);
		}
		double x = lng - 105.0;
		double y = lat - 35.0;
		double radLat = Math.toRadians(lat);
		double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
		double sqrtMagic = Math.sqrt(magic);
		double dLat = offsetLat(x, y) * 180.0 / (A * (1 - EE) / (magic * sqrtMagic) * Math.PI);
		double dLng = offsetLng(x, y) * 180.0 / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
		return new Point(lat + dLat, lng + dLng);
	}

	/** The WGS-84 point a GCJ-02 map position stands for: the point whose offset lands there. */
	public static Point toWgs(double lat, double lng) {
		if (outsideChina(lat, lng)) {
			return new Point(lat, lng);
		}
		double wgsLat = lat;
		double wgsLng = lng;
		for (int i = 0; i < MAX_ITERATIONS; i++) {
			Point drawn = fromWgs(wgsLat, wgsLng);
			double errLat = drawn.lat() - lat;
			double errLng = drawn.lng() - lng;
			wgsLat -= errLat;
			wgsLng -= errLng;
			if (Math.abs(errLat) < PRECISION_DEGREES && Math.abs(errLng) < PRECISION_DEGREES) {
				break;
			}
		}
		return new Point(wgsLat, wgsLng);
	}

	/** Great-circle distance in metres (a sphere of the WGS-84 mean radius), for checks and tests. */
	public static double metres(Point a, Point b) {
		double dLat = Math.toRadians(b.lat() - a.lat());
		double dLng = Math.toRadians(b.lng() - a.lng());
		double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.lat()))
				* Math.cos(Math.toRadians(b.lat())) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
	}

	static boolean outsideChina(double lat, double lng) {
		return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
	}

	private static double offsetLat(double x, double y) {
		double offset = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
		offset += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		offset += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
		offset += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
		return offset;
	}

	private static double offsetLng(double x, double y) {
		double offset = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
		offset += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		offset += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
		offset += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
		return offset;
	}

}
