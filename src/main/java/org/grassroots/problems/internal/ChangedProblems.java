package org.grassroots.problems.internal;

import java.util.Collection;
import java.util.List;

import org.grassroots.problems.ProblemChanged;
import org.grassroots.problems.ProblemReported;
import org.grassroots.shared.Database;
import org.grassroots.shared.database.ChangeMarks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Problems changed since the dashboard last counted them ({@code problem_changed},
 * {@link ChangeMarks}): marked in the transaction of every command that reports or changes one,
 * where the command holds the problem's row.
 */
@Component
public class ChangedProblems {

	private final ChangeMarks marks;

	ChangedProblems(JdbcClient jdbc, Database database) {
		this.marks = new ChangeMarks(jdbc, database, "problem_changed");
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ProblemReported reported) {
		marks.mark(reported.problem().id());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ProblemChanged changed) {
		marks.mark(changed.after().id());
	}

	public boolean any() {
		return marks.any();
	}

	public List<Long> take(int most, @Nullable Collection<Long> among) {
		return marks.take(most, among);
	}

}
