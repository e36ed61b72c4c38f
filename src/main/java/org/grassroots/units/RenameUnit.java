package org.grassroots.units;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Give a unit new names; {@code version} is the one the editor saw. */
public record RenameUnit(@NotBlank @Size(max = 200) String nameZh, @Nullable @Size(max = 200) String nameEn,
		int version) {

}
