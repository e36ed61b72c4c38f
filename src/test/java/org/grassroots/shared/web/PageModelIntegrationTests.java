package org.grassroots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.grassroots.support.StatementMeter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The navigation's lookups run for pages, never for API calls. */
@IntegrationTest
class PageModelIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anApiCallRunsNoneOfThePagesLookups() {
		Api api = new Api(port);
		String token = api.token("nanan.health");
		api.get(token, "/api/v1/problems");
		StatementMeter.Reading reading = StatementMeter.measure(
				() -> assertThat(api.get(token, "/api/v1/problems").status()).isEqualTo(200), () -> {
				});
		assertThat(reading.sql()).as("the department officer's navigation and the inbox badge")
			.noneMatch(sql -> sql.contains("le_department") || sql.contains("notification"));
	}

	@Test
	void aPageStillHasThem() throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn("nanan.health", Api.DEMO_PASSWORD);
		StatementMeter.Reading reading = StatementMeter.measure(() -> {
			try {
				assertThat(pages.get("/problems").statusCode()).isEqualTo(200);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}, () -> {
		});
		assertThat(reading.sql()).anyMatch(sql -> sql.contains("le_department"));
		assertThat(reading.sql()).anyMatch(sql -> sql.contains("notification"));
	}

}
