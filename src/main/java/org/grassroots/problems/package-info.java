/**
 * Problem rectification: one inventory from intake to closure, with vertical integration,
 * two-way recognition, summons, supervision, the inbox and the resident's evaluation.
 */
@ApplicationModule(displayName = "Problems", allowedDependencies = { "shared", "units", "people", "outbox" })
@NullMarked
package org.grassroots.problems;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
