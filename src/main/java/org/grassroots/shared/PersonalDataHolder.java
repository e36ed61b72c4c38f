package org.grassroots.shared;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A module that keeps personal data on people, found by the keyed look-up hashes of a phone or ID
 * card number, for a person's request to see or erase what is held on them (PIPL articles 45 and
 * 47; docs/privacy.md). Each module answers for its own tables, within the administrator's scope.
 */
public interface PersonalDataHolder {

	/** What is held on the person within the scope: values in full, fields labelled in the reader's language. */
	List<HeldRecord> find(List<String> hashes, DataScope scope);

	/** Erases within the scope what no retention duty keeps, in the caller's transaction; counts what it kept. */
	Erasure erase(List<String> hashes, DataScope scope);

	/**
	 * @param kind what sort of record: {@code account}, {@code problem}, {@code application}, {@code profile},
	 *        {@code consent-owner}
	 * @param reference what the record is called where it is kept (a username, a ledger number)
	 * @param at when it was written
	 * @param fields labels and values, in order
	 */
	record HeldRecord(String kind, String reference, @Nullable Instant at, Map<String, String> fields) {

	}

	/** Counts by kind: what was erased, and what was kept because a retention duty applies. */
	record Erasure(Map<String, Integer> erased, Map<String, Integer> kept) {

	}

}
