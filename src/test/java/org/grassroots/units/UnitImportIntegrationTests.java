package org.grassroots.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class UnitImportIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	String nananAdmin;

	@BeforeEach
	void signIn() {
		api = new Api(port);
		nananAdmin = api.token("nanan.admin");
	}

	@Test
	void everyBadLineIsListedByNumberAndNothingIsImported() {
		String street = Api.uniqueCode("S");
		String good = Api.uniqueCode("C");
		String a = Api.uniqueCode("A");
		String b = Api.uniqueCode("B");
		String csv = String.join("\n",
				"code,parent_code,level,name_zh,name_en",
				street + ",500108,STREET,新街道,New Street",           // line 2: fine
				good + "," + street + ",COMMUNITY,好社区,Good",            // line 3: fine, parent from the file
				Api.uniqueCode("U") + ",NO-SUCH,COMMUNITY,无上级,",         // line 4: unknown parent
				good + "," + street + ",COMMUNITY,重复,",                 // line 5: duplicate code in the file
				"500108002,500108,STREET,已存在,",                        // line 6: code exists
				a + "," + b + ",COMMUNITY,甲,",                           // line 7: cycle with line 8
				b + "," + a + ",COMMUNITY,乙,",                           // line 8
				Api.uniqueCode("L") + ",500108,COMMUNITY,错层,",           // line 9: community directly under a district
				Api.uniqueCode("V") + ",500108,PROVINCE,无效层级,",        // line 10: unknown level
				Api.uniqueCode("Y") + ",500103,STREET,渝中越权,");           // line 11: Yuzhong is outside Nan'an's scope

		Api.Reply refused = api.postCsv(nananAdmin, "/api/v1/units/import", csv);

		assertThat(refused.status()).isEqualTo(400);
		java.util.List<Integer> lines = new java.util.ArrayList<>();
		for (JsonNode error : refused.json().path("errors")) {
			lines.add(error.path("line").asInt());
			assertThat(error.path("message").asString()).isNotBlank();
		}
		assertThat(lines).contains(4, 5, 6, 9, 10, 11).containsAnyOf(7, 8).doesNotContain(2, 3);
		assertThat(refused.body()).contains("NO-SUCH").contains("cycle");
		assertThat(api.get(nananAdmin, "/api/v1/units/by-code/" + street).status()).isEqualTo(404);
		assertThat(api.get(nananAdmin, "/api/v1/units/by-code/" + good).status()).isEqualTo(404);
	}

	@Test
	void aCleanFileIsImportedParentsFirstWhateverTheOrder() {
		String street = Api.uniqueCode("S");
		String community = Api.uniqueCode("C");
		String csv = "code,parent_code,level,name_zh,name_en,batch,kind\r\n"
				+ community + "," + street + ",COMMUNITY,\"后写的社区, 含逗号\",Late,,\r\n"
				+ street + ",500108,street,先导入的街道,Early,SECOND,ADMINISTRATIVE\r\n";

		Api.Reply imported = api.postCsv(nananAdmin, "/api/v1/units/import", csv);

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().path("imported").asInt()).isEqualTo(2);
		Api.Reply child = api.get(nananAdmin, "/api/v1/units/by-code/" + community);
		assertThat(child.text("nameZh")).isEqualTo("后写的社区, 含逗号");
		assertThat(child.text("path")).isEqualTo("/500000/500108/" + street + "/" + community + "/");
	}

	@Test
	void anEmptyFileIsRefused() {
		assertThat(api.postCsv(nananAdmin, "/api/v1/units/import", "code,parent_code,level,name_zh\n").status()).isEqualTo(400);
	}

}
