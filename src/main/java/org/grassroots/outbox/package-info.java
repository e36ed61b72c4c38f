/**
 * Messages to people by SMS and e-mail (docs/outbox.md): written to the outbox in the transaction
 * of the change that causes them, and delivered by a sender on every node that claims due rows,
 * retries with backoff, survives restarts and node deaths, and keeps what failed for the system
 * administrators. Residents stop messages by replying or by a link.
 */
@ApplicationModule(displayName = "Outbox", allowedDependencies = "shared")
@NullMarked
package org.grassroots.outbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
