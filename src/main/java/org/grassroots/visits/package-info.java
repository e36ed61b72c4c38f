/**
 * Leading cadres' grassroots visits (四下基层): the visit log with photos and the problems collected
 * on a visit, their figures per kind, cadre and unit, and the petition-reception days (接访日)
 * published for residents.
 */
@ApplicationModule(displayName = "Visits", allowedDependencies = { "shared", "units", "people", "problems" })
@NullMarked
package org.grassroots.visits;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
