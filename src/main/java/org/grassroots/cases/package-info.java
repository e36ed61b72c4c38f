/**
 * Typical cases and mechanisms: what the campaign leaves behind.
 * <ul>
 * <li>A typical case (典型案例) is a write-up of a closed problem or a completed work measure by a unit
 * office: background, what was done, result, lessons and photos. It goes DRAFT, SUBMITTED, then
 * PUBLISHED once the writing unit's upper unit approves it, or RETURNED with a reason; its reach is
 * the writing unit's subtree (SUBTREE) or the whole city (CITY, which only the city office approves).</li>
 * <li>A mechanism (长效机制 / 建章立制) is a rule or working mechanism a unit adopted because of the
 * campaign, with the problems and cases that prompted it.</li>
 * </ul>
 * Both feed the leadership view through {@link org.grassroots.shared.CampaignFigures}; docs/cases.md
 * holds the rules.
 */
@ApplicationModule(displayName = "Cases", allowedDependencies = { "shared", "units", "people", "problems", "plans" })
@NullMarked
package org.grassroots.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
