package org.grassroots.open311.internal;

import java.time.Instant;

import org.grassroots.shared.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which client application filed which request. */
@Repository
public class RequestLog {

	private final JdbcClient jdbc;

	public RequestLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(long problemId, String ledgerNo, long keyId, Instant at) {
		jdbc.sql("insert into open311_request (problem_id, ledger_no, key_id, created_at) values (:id, :no, :key, :at)")
			.param("id", problemId)
			.param("no", ledgerNo)
			.param("key", keyId)
			.param("at", Times.utc(at))
			.update();
	}

}
