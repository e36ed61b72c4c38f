package org.grassroots.problems;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.grassroots.problems.internal.ChangedProblems;
import org.grassroots.problems.internal.FactQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts other modules count problems by (the dashboard's read models), one problem at a time
 * or all of them streamed; never scoped, since they carry no personal data and no text.
 */
@Service
public class ProblemFacts {

	private final FactQueries queries;

	private final ChangedProblems changed;

	ProblemFacts(FactQueries queries, ChangedProblems changed) {
		this.queries = queries;
		this.changed = changed;
	}

	/** Whether any problem is marked changed: one read and no transaction, for a taker that polls. */
	public boolean anyChanged() {
		return changed.any();
	}

	/**
	 * Takes up to {@code most} problems reported or changed since they were last taken, in id order,
	 * among {@code among} when given. Their marks go when the caller's transaction commits and come
	 * back if it rolls back; marks another transaction holds are skipped, so takers on several nodes
	 * never take the same problem.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> takeChanged(int most, @Nullable Collection<Long> among) {
		return changed.take(most, among);
	}

	/** The problem's facts as committed now, or empty when there is no such problem. */
	@Transactional(readOnly = true)
	public Optional<ProblemFact> find(long id) {
		return Optional.ofNullable(queries.findAll(List.of(id)).get(id));
	}

	/** {@link #find} of several problems at once, by id; those that do not exist are left out. */
	@Transactional(readOnly = true)
	public Map<Long, ProblemFact> findAll(Collection<Long> ids) {
		return queries.findAll(ids);
	}

	/** Every problem's facts, read through a cursor so the whole inventory is never in memory. */
	@Transactional(readOnly = true)
	public void forEach(Consumer<ProblemFact> sink) {
		queries.forEach(sink);
	}

}
