/**
 * One thing done at one time (一件事一次办): life events as catalogue data, applications fanned out
 * to department tasks, and the working-day calendar their time limits count in.
 */
@ApplicationModule(displayName = "Life events", allowedDependencies = { "shared", "units", "people" })
@NullMarked
package org.grassroots.lifeevents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
