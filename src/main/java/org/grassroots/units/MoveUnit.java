package org.grassroots.units;

import jakarta.validation.constraints.NotNull;

/** Put a unit and its whole subtree under another parent; {@code version} is the one the editor saw. */
public record MoveUnit(@NotNull Long parentId, int version) {

}
