/**
 * Research plans (调研方案) of district and street offices and their work measures (工作举措):
 * owners, deadlines, measurable targets, milestones, progress with evidence, linked problems, and
 * the benchmarking view (对标) that sets every district's measures on one issue side by side.
 */
@ApplicationModule(displayName = "Plans", allowedDependencies = { "shared", "units", "people", "problems" })
@NullMarked
package org.grassroots.plans;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
