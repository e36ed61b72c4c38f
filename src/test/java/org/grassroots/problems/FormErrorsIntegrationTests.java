package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** A refused form names each field by the label the person sees, in their language; the API keeps the name too. */
@IntegrationTest
class FormErrorsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aResidentsReportWithoutPlaceOrTitleNamesBothByTheirLabels() throws Exception {
		PageClient resident = new PageClient(port);
		String form = "locationUnitId=&categoryCode=PARKING&title=&description=&phone=&duplicateChoice=new";
		String chinese = error(resident.submit("/report", "/report", form));
		assertThat(chinese).isEqualTo("输入有误，请检查：问题所在地：必须填写；标题：不能为空");

		resident.get("/report?lang=en");
		String english = error(resident.submit("/report", "/report", form));
		assertThat(english).startsWith("The input is not valid; check: Location: is required; Title: ");
		assertThat(chinese + english).doesNotContain("locationUnitId").doesNotContain("title");
	}

	@Test
	void aStaffRegistrationWithoutTitleNamesItsLabel() throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn("huayuanlu.worker", Api.DEMO_PASSWORD);
		String form = "source=SELF_FOUND&categoryCode=OTHER&urgency=GENERAL&type=IMMEDIATE&title=&description=";
		HttpResponse<String> refused = pages.submit("/problems/new", "/problems/new", form);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(error(refused)).isEqualTo("输入有误，请检查：问题描述：不能为空；标题：不能为空");
	}

	@Test
	void theApiKeepsTheFieldNameBesideTheLabelledMessage() {
		Api api = new Api(port);
		Api.Reply reply = api.post(api.token("yuzhong.admin"), "/api/v1/problems",
				Api.json("title", " ", "description", "x", "source", "SELF_FOUND", "categoryCode", "PARKING"));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.text("detail")).isEqualTo("The input is not valid; check: Title: must not be blank");
		JsonNode error = reply.json().path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo("title");
		assertThat(error.path("label").asString()).isEqualTo("Title");
		assertThat(error.path("message").asString()).isEqualTo("Title: must not be blank");

		// a value of the wrong type is named by its label as well
		Api.Reply unreadable = api.post(api.token("yuzhong.admin"), "/api/v1/problems",
				Api.json("title", "t", "description", "x", "source", "NOT_A_SOURCE", "categoryCode", "PARKING"));
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.text("detail")).isEqualTo("Source is missing or has the wrong format.");
	}

	/** The text of the page's error message. */
	private static String error(HttpResponse<String> page) {
		String body = page.body();
		int at = body.indexOf("id=\"error\"");
		assertThat(at).as("an error on the page").isNotNegative();
		return body.substring(body.indexOf('>', at) + 1, body.indexOf("</div>", at)).trim();
	}

}
