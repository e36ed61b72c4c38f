/**
 * A person's requests about the personal data held on them (PIPL): an export for the system
 * administrator to hand over, and erasure where no retention duty applies. Each module that keeps
 * personal data answers for its own tables through {@code shared.PersonalDataHolder}.
 */
@ApplicationModule(displayName = "Privacy", allowedDependencies = "shared")
@NullMarked
package org.grassroots.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
