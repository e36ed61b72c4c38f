package org.grassroots.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Health, readiness and liveness answer without a sign-in while the database answers, and the
 * probe says so. (The outage itself, 503 within 2 s and back, is PostgresRestartIT's.)
 */
@IntegrationTest
class HealthProbesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DatabaseProbe probe;

	@Test
	void healthReadinessAndLivenessAreUpWhileTheDatabaseAnswers() {
		Api api = new Api(port);
		assertThat(probe.check()).isTrue();
		assertThat(probe.available()).isTrue();
		assertThat(api.get(null, "/actuator/health").text("status")).isEqualTo("UP");
		assertThat(api.get(null, "/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
	}

}
