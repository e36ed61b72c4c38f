/**
 * The append-only, hash-chained audit log of every state change and security event.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = "shared")
@NullMarked
package org.grassroots.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
