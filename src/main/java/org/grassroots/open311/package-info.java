/**
 * Open311 GeoReport v2 over the problems module: services from the problem categories, residents'
 * requests filed and followed by any Open311 client, and the client applications' keys.
 */
@ApplicationModule(displayName = "Open311", allowedDependencies = { "shared", "units", "people", "problems" })
@NullMarked
package org.grassroots.open311;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
