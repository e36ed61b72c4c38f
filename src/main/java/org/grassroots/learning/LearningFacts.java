package org.grassroots.learning;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.grassroots.learning.internal.MemberFactQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts other modules count members' learning by (the dashboard's read models), one member or
 * a batch at a time, or all of them streamed; never scoped, since they carry no names.
 */
@Service
public class LearningFacts {

	private final MemberFactQueries queries;

	LearningFacts(MemberFactQueries queries) {
		this.queries = queries;
	}

	/** The member's facts as committed now; empty when learning has never known the account. */
	@Transactional(readOnly = true)
	public Optional<MemberFact> find(long accountId) {
		return Optional.ofNullable(queries.findAll(List.of(accountId)).get(accountId));
	}

	/** {@link #find} of several members at once, by account; those learning never knew are left out. */
	@Transactional(readOnly = true)
	public Map<Long, MemberFact> findAll(Collection<Long> accountIds) {
		return queries.findAll(accountIds);
	}

	/** The accounts learning knows in a unit's subtree (active or not), for a plan or unit change. */
	@Transactional(readOnly = true)
	public List<Long> accountsUnder(String unitPath) {
		return queries.accountsUnder(unitPath);
	}

	/** Every known account's facts, members read through a cursor. */
	@Transactional(readOnly = true)
	public void forEach(Consumer<MemberFact> sink) {
		queries.forEach(sink);
	}

}
