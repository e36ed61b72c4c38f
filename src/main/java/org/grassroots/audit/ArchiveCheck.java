package org.grassroots.audit;

import org.jspecify.annotations.Nullable;

/**
 * What checking an archive file found: whether its bytes are the ones archived and the chain it
 * holds is whole, from the hash before its first batch to the hash its row and the kept chain name.
 *
 * @param records the records whose hashes were recomputed
 * @param seals the sealed batches recomputed
 * @param reason the first thing that does not match, or null
 */
public record ArchiveCheck(boolean intact, long records, long seals, @Nullable String reason) {

}
