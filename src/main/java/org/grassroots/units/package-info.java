/**
 * The administrative hierarchy: units from the city down to communities and departments, with
 * materialized paths for subtree queries.
 */
@ApplicationModule(displayName = "Units", allowedDependencies = "shared")
@NullMarked
package org.grassroots.units;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
