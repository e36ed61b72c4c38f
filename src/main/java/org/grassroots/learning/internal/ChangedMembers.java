package org.grassroots.learning.internal;

import java.util.Collection;
import java.util.List;

import org.grassroots.shared.Database;
import org.grassroots.shared.database.ChangeMarks;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Members whose learning changed since the dashboard last counted them ({@code learning_changed},
 * {@link ChangeMarks}). Every writer of a member's check-ins or of the member's copy marks them
 * while holding the member's lock.
 */
@Repository
public class ChangedMembers {

	private final ChangeMarks marks;

	ChangedMembers(JdbcClient jdbc, Database database) {
		this.marks = new ChangeMarks(jdbc, database, "learning_changed");
	}

	/** For the one-statement check-in on PostgreSQL ({@link PointScans}): marks the members its insert returned. */
	String markInserted() {
		return marks.upsertFrom("(select account_id from ins) i");
	}

	public void mark(long accountId) {
		marks.mark(accountId);
	}

	public boolean any() {
		return marks.any();
	}

	public List<Long> take(int most, @Nullable Collection<Long> among) {
		return marks.take(most, among);
	}

}
