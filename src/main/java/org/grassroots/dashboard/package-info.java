/**
 * The leadership view: figures of problems and learning kept as read models in the module's own
 * tables, fed by the other modules' events, rolled up the hierarchy and ranked by weighted score.
 */
@ApplicationModule(displayName = "Dashboard",
		allowedDependencies = { "shared", "units", "people", "problems", "learning" })
@NullMarked
package org.grassroots.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
