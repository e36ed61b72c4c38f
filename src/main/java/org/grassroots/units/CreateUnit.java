package org.grassroots.units;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Create a unit below a parent; batch defaults by level, kind to ADMINISTRATIVE. */
public record CreateUnit(@NotBlank @Pattern(regexp = UnitRules.CODE_PATTERN) String code, @NotNull Long parentId,
		@NotBlank @Size(max = 200) String nameZh, @Nullable @Size(max = 200) String nameEn, @NotNull UnitLevel level,
		@Nullable Batch batch, @Nullable UnitKind kind) {

	public Batch batchOrDefault() {
		return batch == null ? level.defaultBatch() : batch;
	}

	public UnitKind kindOrDefault() {
		return kind == null ? UnitKind.ADMINISTRATIVE : kind;
	}

}
