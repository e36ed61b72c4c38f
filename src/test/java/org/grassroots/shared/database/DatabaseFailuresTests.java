package org.grassroots.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import jakarta.servlet.ServletException;

/** Which failures mean "the database cannot be reached", however deep Spring wrapped them. */
class DatabaseFailuresTests {

	@Test
	void theExceptionsOfAnUnreachableDatabaseAreRecognised() {
		assertThat(DatabaseFailures.unreachable(new CannotGetJdbcConnectionException("no connection"))).isTrue();
		assertThat(DatabaseFailures.unreachable(new CannotCreateTransactionException("no transaction",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
		// a commit whose connection was cut: PostgreSQL's driver says 08006
		assertThat(DatabaseFailures.unreachable(new ServletException(new TransactionSystemException("commit failed",
				new SQLException("An I/O error occurred while sending to the backend.", "08006",
						new ConnectException("refused")))))).isTrue();
		// a rollback that fails on the connection the pool already closed: the statement's failure says why
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new SQLException("terminating connection", "57P01"));
		assertThat(DatabaseFailures.unreachable(new ServletException(rollback))).isTrue();
		// the server shutting down (57P01) or starting (57P03)
		assertThat(DatabaseFailures.unreachable(new RuntimeException(new SQLException("terminating", "57P01")))).isTrue();
		assertThat(DatabaseFailures.unreachable(new SQLException("starting up", "57P03"))).isTrue();
	}

	@Test
	void otherFailuresAreNot() {
		assertThat(DatabaseFailures.unreachable(new DataIntegrityViolationException("duplicate",
				new SQLException("duplicate key", "23505")))).isFalse();
		assertThat(DatabaseFailures.unreachable(new SQLException("syntax", "42601"))).isFalse();
		assertThat(DatabaseFailures.unreachable(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseFailures.unreachable(null)).isFalse();
	}

	@Test
	void aCycleOfCausesEnds() {
		RuntimeException first = new RuntimeException("first");
		RuntimeException second = new RuntimeException("second", first);
		first.initCause(second);
		assertThat(DatabaseFailures.unreachable(first)).isFalse();
		assertThat(DatabaseFailures.shortReason(first)).startsWith("RuntimeException: ");
	}

	@Test
	void theShortReasonKeepsTheStartOfTheInnermostMessage() {
		String reason = DatabaseFailures.shortReason(new CannotGetJdbcConnectionException("outer",
				new SQLException("x".repeat(500), "08001")));
		assertThat(reason).startsWith("SQLException: xxx").hasSizeLessThan(160);
	}

}
