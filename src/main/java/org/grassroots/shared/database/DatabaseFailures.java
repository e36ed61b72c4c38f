package org.grassroots.shared.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells an unreachable database apart from every other failure, in the one place that knows the
 * exceptions Spring, Hikari and the JDBC drivers raise for it.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/** Whether the failure, or anything in its chain of causes, says the database cannot be reached. */
	public static boolean unreachable(@Nullable Throwable failure) {
		return unreachable(failure, new IdentityHashMap<>());
	}

	private static boolean unreachable(@Nullable Throwable failure, Map<Throwable, Boolean> seen) {
		for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
			// a rollback on a dead connection fails too: the failure that started it says why
			if (cause instanceof TransactionSystemException tx && unreachable(tx.getApplicationException(), seen)) {
				return true;
			}
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLException sql && (connectionState(sql.getSQLState()) || closedByPool(sql))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SQLSTATE class 08 (connection exception), and PostgreSQL's 57P01..57P03: the server shuts
	 * down, crashed, or is not yet accepting connections.
	 */
	static boolean connectionState(@Nullable String state) {
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03"));
	}

	/** Hikari's answer to a call on a connection it already closed as broken (no SQLSTATE). */
	private static boolean closedByPool(SQLException failure) {
		return failure.getSQLState() == null && "Connection is closed".equals(failure.getMessage());
	}

	/** The innermost cause's type and the start of its message: enough for a log line. */
	public static String shortReason(Throwable failure) {
		Throwable root = failure;
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		while (root.getCause() != null && seen.put(root, true) == null) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		return root.getClass().getSimpleName() + ": " + (message.length() > 120 ? message.substring(0, 120) + "…" : message);
	}

}
