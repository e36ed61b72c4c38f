/**
 * Theoretical learning: study plans, party classes and seminars, learning points with signed
 * rotating QR codes, check-ins and full-coverage tracking rolled up the hierarchy.
 */
@ApplicationModule(displayName = "Learning", allowedDependencies = { "shared", "units", "people", "problems" })
@NullMarked
package org.grassroots.learning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
