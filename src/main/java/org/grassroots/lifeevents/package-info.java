/**
 * One thing done at one time (一件事一次办): a catalogue of life events as versioned data, the
 * responsible department per district, residents' applications that fan out into department tasks
 * with dependencies, work queues, one request for material, one result, time limits in working days
 * of the city's calendar (docs/lifeevents-calendar.md) and the figures the leadership view counts.
 * docs/lifeevents.md holds the rules; the owners' consent to install an elevator in an existing
 * building (Civil Code article 278) has its own in docs/lifeevents-consent.md.
 */
@ApplicationModule(displayName = "Life events", allowedDependencies = { "shared", "units", "people" })
@NullMarked
package org.grassroots.lifeevents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
