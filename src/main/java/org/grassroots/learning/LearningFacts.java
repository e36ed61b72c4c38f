package org.grassroots.learning;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.grassroots.learning.internal.ChangedMembers;
import org.grassroots.learning.internal.MemberFactQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts other modules count members' learning by (the dashboard's read models), one member or
 * a batch at a time, or all of them streamed; never scoped, since they carry no names.
 */
@Service
public class LearningFacts {

	private final MemberFactQueries queries;

	private final ChangedMembers changed;

	LearningFacts(MemberFactQueries queries, ChangedMembers changed) {
		this.queries = queries;
		this.changed = changed;
	}

	/** Whether any member is marked changed: one read and no transaction, for a taker that polls. */
	public boolean anyChanged() {
		return changed.any();
	}

	/**
	 * Takes up to {@code most} members whose facts changed since they were last taken (a check-in,
	 * their account copy written), in account order, among {@code among} when given. Their marks go
	 * when the caller's transaction commits and come back if it rolls back; marks another
	 * transaction holds are skipped, so takers on several nodes never take the same member.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> takeChanged(int most, @Nullable Collection<Long> among) {
		return changed.take(most, among);
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
