package org.grassroots.units;

import static org.assertj.core.api.Assertions.assertThat;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class UnitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	String cityAdmin;

	@BeforeEach
	void signIn() {
		api = new Api(port);
		cityAdmin = api.token("city.admin");
	}

	@Test
	void cityAdministratorSeesTheRealMunicipalityAndItsThirtyEightDistricts() {
		Api.Reply roots = api.get(cityAdmin, "/api/v1/units");
		assertThat(roots.json()).hasSize(1);
		assertThat(roots.json().get(0).path("code").asString()).isEqualTo("500000");
		Api.Reply districts = api.get(cityAdmin, "/api/v1/units/" + roots.json().get(0).path("id").asLong() + "/children");
		long real = 0;
		for (JsonNode unit : districts.json()) {
			// the real divisions have six-digit codes; other tests add districts of their own with letters
			if (unit.path("level").asString().equals("DISTRICT") && !unit.path("demo").asBoolean()
					&& unit.path("code").asString().matches("\\d{6}")) {
				real++;
			}
		}
		assertThat(real).isEqualTo(38);
	}

	@Test
	void movingAUnitRewritesTheWholeSubtreeInOneGo() {
		// given a street with two communities and an account in one of them, under Nan'an
		JsonNode nanan = api.get(cityAdmin, "/api/v1/units/by-code/500108").json();
		JsonNode yuzhong = api.get(cityAdmin, "/api/v1/units/by-code/500103").json();
		JsonNode street = create(nanan.path("id").asLong(), Api.uniqueCode("S"), "STREET");
		JsonNode first = create(street.path("id").asLong(), Api.uniqueCode("C"), "COMMUNITY");
		JsonNode second = create(street.path("id").asLong(), Api.uniqueCode("C"), "COMMUNITY");
		String username = "mover" + Api.uniqueCode("").toLowerCase();
		assertThat(api.openAccount(Api.json("username", username, "displayName", "Mover",
				"unitCode", first.path("code").asString(), "roles", java.util.List.of(java.util.Map.of("role", "CASEWORKER",
						"scope", "UNIT_AND_BELOW", "assignedUnitCodes", java.util.List.of())))).status()).isEqualTo(201);

		// when the street moves under Yuzhong
		Api.Reply moved = api.post(cityAdmin, "/api/v1/units/" + street.path("id").asLong() + "/move",
				Api.json("parentId", yuzhong.path("id").asLong(), "version", street.path("version").asInt()));

		// then every path below it starts with Yuzhong's, and so does the account's copy
		assertThat(moved.status()).isEqualTo(200);
		String newPath = "/500000/500103/" + street.path("code").asString() + "/";
		assertThat(moved.text("path")).isEqualTo(newPath);
		for (JsonNode community : new JsonNode[] { first, second }) {
			JsonNode now = api.get(cityAdmin, "/api/v1/units/" + community.path("id").asLong()).json();
			assertThat(now.path("path").asString()).isEqualTo(newPath + community.path("code").asString() + "/");
			assertThat(now.path("depth").asInt()).isEqualTo(4);
		}
		assertThat(jdbc.sql("select unit_path from account where username = :u").param("u", username).query(String.class).single())
			.isEqualTo(newPath + first.path("code").asString() + "/");
		// and Nan'an's administrator no longer sees it, Yuzhong's does
		assertThat(api.get(api.token("nanan.admin"), "/api/v1/units/" + street.path("id").asLong()).status()).isEqualTo(404);
		assertThat(api.get(api.token("yuzhong.admin"), "/api/v1/units/" + street.path("id").asLong()).status()).isEqualTo(200);
	}

	@Test
	void aUnitCannotMoveUnderItsOwnDescendant() {
		JsonNode nanan = api.get(cityAdmin, "/api/v1/units/by-code/500108").json();
		JsonNode street = create(nanan.path("id").asLong(), Api.uniqueCode("S"), "STREET");
		JsonNode community = create(street.path("id").asLong(), Api.uniqueCode("C"), "COMMUNITY");

		Api.Reply refused = api.post(cityAdmin, "/api/v1/units/" + street.path("id").asLong() + "/move",
				Api.json("parentId", community.path("id").asLong(), "version", 0));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("detail")).contains("descendant");
		assertThat(api.get(cityAdmin, "/api/v1/units/" + street.path("id").asLong()).text("path"))
			.isEqualTo(street.path("path").asString());
	}

	@Test
	void aStaleVersionIsRefusedAndChangesNothing() {
		JsonNode nanan = api.get(cityAdmin, "/api/v1/units/by-code/500108").json();
		JsonNode street = create(nanan.path("id").asLong(), Api.uniqueCode("S"), "STREET");
		String path = "/api/v1/units/" + street.path("id").asLong();
		assertThat(api.patch(cityAdmin, path, Api.json("nameZh", "新名称", "version", 0)).status()).isEqualTo(200);

		Api.Reply stale = api.patch(cityAdmin, path, Api.json("nameZh", "另一个名称", "version", 0));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(api.get(cityAdmin, path).text("nameZh")).isEqualTo("新名称");
	}

	@Test
	void aUnitAtTheWrongLevelIsRefused() {
		JsonNode nanan = api.get(cityAdmin, "/api/v1/units/by-code/500108").json();
		String code = Api.uniqueCode("X");
		Api.Reply refused = api.post(cityAdmin, "/api/v1/units", Api.json("code", code, "parentId", nanan.path("id").asLong(),
				"nameZh", "错层社区", "level", "COMMUNITY"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("detail")).contains("COMMUNITY");
		assertThat(api.get(cityAdmin, "/api/v1/units/by-code/" + code).status()).isEqualTo(404);
	}

	@Test
	void missingFieldsAreNamed() {
		Api.Reply refused = api.post(cityAdmin, "/api/v1/units", Api.json("code", "bad code!", "nameZh", ""));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("code").contains("parentId").contains("nameZh").contains("level");
	}

	@Test
	void aUnitAdministratorCannotMoveTheirOwnUnitNorAnythingOutsideTheirDistrict() {
		String nananAdmin = api.token("nanan.admin");
		JsonNode nanan = api.get(cityAdmin, "/api/v1/units/by-code/500108").json();
		JsonNode city = api.get(cityAdmin, "/api/v1/units/by-code/500000").json();
		JsonNode yuzhongStreet = api.get(cityAdmin, "/api/v1/units/by-code/500103901").json();

		assertThat(api.post(nananAdmin, "/api/v1/units/" + nanan.path("id").asLong() + "/move",
				Api.json("parentId", city.path("id").asLong(), "version", nanan.path("version").asInt())).status()).isEqualTo(403);
		assertThat(api.patch(nananAdmin, "/api/v1/units/" + yuzhongStreet.path("id").asLong(),
				Api.json("nameZh", "越权", "version", yuzhongStreet.path("version").asInt())).status()).isEqualTo(404);
		assertThat(api.get(cityAdmin, "/api/v1/units/by-code/500103901").text("nameZh")).isEqualTo("解放碑街道");
	}

	@Test
	void aCodeTakenOutsideTheScopeIsOnlyNotAvailableNeitherNamedNorSaidToExist() {
		String nananAdmin = api.token("nanan.admin");
		long nanan = api.get(cityAdmin, "/api/v1/units/by-code/500108").json().path("id").asLong();

		// Jiefangbei street is Yuzhong's: its code must not tell a Nan'an administrator it exists
		Api.Reply foreign = api.post(nananAdmin, "/api/v1/units",
				Api.json("code", "500103901", "parentId", nanan, "nameZh", "试探", "level", "STREET"));
		assertThat(foreign.status()).isEqualTo(409);
		assertThat(foreign.text("code")).isEqualTo("units.error.code-unavailable");
		assertThat(foreign.body()).doesNotContain("解放碑").doesNotContain("exists");

		// a code inside the scope may say so
		Api.Reply own = api.post(nananAdmin, "/api/v1/units",
				Api.json("code", "500108002", "parentId", nanan, "nameZh", "重复", "level", "STREET"));
		assertThat(own.status()).isEqualTo(409);
		assertThat(own.text("code")).isEqualTo("units.error.code-exists");

		// the import answers the same per line
		Api.Reply imported = api.postCsv(nananAdmin, "/api/v1/units/import",
				"code,parent_code,level,name_zh\n500103901,500108,street,试探\n500108002,500108,street,重复\n");
		assertThat(imported.status()).isEqualTo(400);
		assertThat(imported.json().path("errors").get(0).path("message").asString()).isEqualTo("Code 500103901 is not available.");
		assertThat(imported.json().path("errors").get(1).path("message").asString()).isEqualTo("Code 500108002 already exists.");

		// another district's administrator is refused outright under Nan'an
		Api.Reply yuzhong = api.post(api.token("yuzhong.admin"), "/api/v1/units",
				Api.json("code", Api.uniqueCode("y"), "parentId", nanan, "nameZh", "越权", "level", "STREET"));
		assertThat(yuzhong.status()).isEqualTo(404);
	}

	private JsonNode create(long parentId, String code, String level) {
		Api.Reply created = api.post(cityAdmin, "/api/v1/units",
				Api.json("code", code, "parentId", parentId, "nameZh", "测试" + code, "nameEn", "Test " + code, "level", level));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

}
