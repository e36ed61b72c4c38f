/**
 * One thing done at one time (一件事一次办): life events, applications and their department tasks.
 * This branch holds the owners' consent to install an elevator in an existing building (Civil Code
 * article 278): docs/lifeevents-consent.md holds its rules.
 */
@ApplicationModule(displayName = "Life events", allowedDependencies = { "shared", "units", "people" })
@NullMarked
package org.grassroots.lifeevents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
