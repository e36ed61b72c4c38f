/**
 * What every module uses: the signed-in user and data scope, errors, i18n, layout and crypto.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.grassroots.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
