package org.grassroots.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A column of personal data kept encrypted with {@link FieldCipher}: each module declares its
 * own as a bean, and {@link FieldRekeyer} rewrites the values under an earlier algorithm or key.
 *
 * @param table the table
 * @param walkColumn a numeric column of the key, in whose order the table is walked
 * @param keyColumns the columns that name one row
 * @param cipherColumn the encrypted value
 * @param hashColumn the lookup hash beside it, recomputed with the value, or null
 * @param condition SQL that picks the encrypted rows where a column holds clear values too, or null
 */
public record EncryptedColumn(String table, String walkColumn, List<String> keyColumns, String cipherColumn,
		@Nullable String hashColumn, @Nullable String condition) {

	public EncryptedColumn {
		keyColumns = List.copyOf(keyColumns);
		if (!keyColumns.contains(walkColumn)) {
			throw new IllegalArgumentException("the walk column must name the row: " + table + "." + walkColumn);
		}
	}

	/** A column with a numeric id of its own and no lookup hash. */
	public static EncryptedColumn of(String table, String cipherColumn) {
		return new EncryptedColumn(table, "id", List.of("id"), cipherColumn, null, null);
	}

	public String name() {
		return table + "." + cipherColumn;
	}

}
