/**
 * Accounts, roles with their data scope, sign-in with lockout, personal access tokens, and the
 * demo and first-start accounts.
 */
@ApplicationModule(displayName = "People", allowedDependencies = { "shared", "units" })
@NullMarked
package org.grassroots.people;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
