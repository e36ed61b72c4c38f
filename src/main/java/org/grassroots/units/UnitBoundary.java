package org.grassroots.units;

import java.time.Instant;

/**
 * What is known of a unit's boundary without its shape: how many vertices, the area on the sphere,
 * the bounding box in WGS-84, the SHA-256 of the stored shape (WKB), and who set it when.
 */
public record UnitBoundary(long unitId, int vertices, double areaKm2, double west, double south, double east,
		double north, String sha256, boolean demo, int version, String updatedBy, Instant updatedAt) {

}
