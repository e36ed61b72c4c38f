package org.grassroots.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.grassroots.support.Api;
import tools.jackson.databind.JsonNode;
import org.grassroots.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every role of the demo data against units inside and outside its scope. */
@IntegrationTest
class ScopeIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	Map<String, Long> ids;

	@BeforeEach
	void signIn() {
		api = new Api(port);
		String city = api.token("city.admin");
		ids = new java.util.HashMap<>();
		for (String code : new String[] { "500000", "500108", "500108002", "500108002001", "500103", "500103901", "500101" }) {
			ids.put(code, api.get(city, "/api/v1/units/by-code/" + code).json().path("id").asLong());
		}
	}

	@ParameterizedTest(name = "{0} reading {1} answers {2}")
	@CsvSource({
			// the city campaign office sees everything
			"city.admin, 500103901, 200", "city.admin, 500108002001, 200", "city.admin, 500101, 200",
			// a district office sees its district and nothing of another
			"nanan.admin, 500108002001, 200", "nanan.admin, 500103, 404", "nanan.admin, 500103901, 404", "nanan.admin, 500000, 404",
			"yuzhong.admin, 500103901, 200", "yuzhong.admin, 500108, 404", "yuzhong.admin, 500108002001, 404",
			// a street caseworker sees the street and below, not the district above it nor Yuzhong
			"huayuanlu.worker, 500108002001, 200", "huayuanlu.worker, 500108, 404", "huayuanlu.worker, 500103901, 404",
			// a leading cadre of Nan'an
			"nanan.cadre, 500108002, 200", "nanan.cadre, 500103901, 404",
			// the steering group sees exactly its two assigned districts
			"steering.group, 500108002001, 200", "steering.group, 500103901, 200", "steering.group, 500101, 404",
			"steering.group, 500000, 404",
			// party members and residents do not browse units at all
			"member.li, 500108002001, 403", "member.li, 500103901, 403", "resident.wang, 500108002001, 403",
			"resident.wang, 500103901, 403" })
	void eachRoleReadsOnlyWithinItsScope(String username, String code, int status) {
		String token = api.token(username);
		assertThat(api.get(token, "/api/v1/units/" + ids.get(code)).status()).isEqualTo(status);
		if (status != 403) {
			assertThat(api.get(token, "/api/v1/units/by-code/" + code).status()).isEqualTo(status);
		}
	}

	@Test
	void searchAndChildrenStayInsideTheScope() {
		String nanan = api.token("nanan.admin");
		Api.Reply found = api.get(nanan, "/api/v1/units?q=%E8%A7%A3%E6%94%BE%E7%A2%91"); // 解放碑, a Yuzhong street
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json()).isEmpty();
		assertThat(api.get(nanan, "/api/v1/units/" + ids.get("500103") + "/children").status()).isEqualTo(404);
		assertThat(api.get(api.token("steering.group"), "/api/v1/units").json()).hasSize(2);
	}

	@Test
	void accountsOfAnotherDistrictAreNeitherListedNorChangeable() {
		String nanan = api.token("nanan.sysadmin");
		Api.Reply listed = api.get(nanan, "/api/v1/accounts?q=yuzhong");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json()).isEmpty();
		JsonNode yuzhongAdmin = api.get(api.token("system.admin"), "/api/v1/accounts?q=yuzhong.admin").json().get(0);
		long id = yuzhongAdmin.path("id").asLong();
		assertThat(api.get(nanan, "/api/v1/accounts/" + id).status()).isEqualTo(404);
		assertThat(api.post(nanan, "/api/v1/accounts/" + id + "/disable",
				Api.json("version", yuzhongAdmin.path("version").asInt())).status()).isEqualTo(404);
		assertThat(api.get(api.token("huayuanlu.worker"), "/api/v1/accounts").status()).isEqualTo(403);
		assertThat(api.get(api.token("nanan.admin"), "/api/v1/accounts").status())
			.as("a campaign administrator no longer manages accounts").isEqualTo(403);
	}

	@Test
	void aDistrictsAdministratorsOpenInsideTheirDistrictAndGrantOnlyItsRoles() {
		String system = api.token("nanan.sysadmin");
		String security = api.token("nanan.secadmin");
		Api.Reply outside = api.post(system, "/api/v1/accounts", Api.json("username", "x" + Api.uniqueCode("").toLowerCase(),
				"displayName", "X", "unitCode", "500103901", "roles", List.of()));
		assertThat(outside.status()).isEqualTo(400);
		Api.Reply withRoles = api.post(system, "/api/v1/accounts", Api.json("username", "w" + Api.uniqueCode("").toLowerCase(),
				"displayName", "W", "unitCode", "500108002", "roles", List.of(Map.of("role", "CASEWORKER"))));
		assertThat(withRoles.status()).isEqualTo(403);
		assertThat(withRoles.text("code")).isEqualTo("people.error.roles-by-security-admin");
		assertThat(api.post(security, "/api/v1/accounts", Api.json("username", "v" + Api.uniqueCode("").toLowerCase(),
				"displayName", "V", "unitCode", "500108002", "roles", List.of())).status())
			.as("opening is the system administrator's").isEqualTo(403);

		Api.Reply opened = api.post(system, "/api/v1/accounts", Api.json("username", "y" + Api.uniqueCode("").toLowerCase(),
				"displayName", "Y", "unitCode", "500108002", "roles", List.of()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		JsonNode account = opened.json().get("account");
		String roles = "/api/v1/accounts/" + account.path("id").asLong() + "/roles";
		int version = account.path("version").asInt();
		assertThat(api.post(system, roles, Api.json("roles", List.of(Map.of("role", "CASEWORKER")), "version", version))
			.status()).as("granting is the security administrator's").isEqualTo(403);
		assertThat(api.post(security, roles, Api.json("roles", List.of(Map.of("role", "CITY_ADMIN")), "version", version))
			.status()).isEqualTo(403);
		assertThat(api.post(security, roles,
				Api.json("roles", List.of(Map.of("role", "CASEWORKER", "scope", "ALL")), "version", version)).status())
			.isEqualTo(403);
		Api.Reply granted = api.post(security, roles,
				Api.json("roles", List.of(Map.of("role", "CASEWORKER"), Map.of("role", "LEADING_CADRE")), "version", version));
		assertThat(granted.status()).as(granted.body()).isEqualTo(200);
		assertThat(granted.json().path("roles")).hasSize(2);
		assertThat(api.post(security, roles, Api.json("roles", List.of(), "version", version)).status())
			.as("a stale version").isEqualTo(409);
	}

	@Test
	void noAccountCombinesASeparateAdministratorWithAnyOtherRole() {
		String security = api.token("security.admin");
		Api.Reply opened = api.post(api.token("system.admin"), "/api/v1/accounts", Api.json("username",
				"s" + Api.uniqueCode("").toLowerCase(), "displayName", "S", "unitCode", "500000", "roles", List.of()));
		JsonNode account = opened.json().get("account");
		String roles = "/api/v1/accounts/" + account.path("id").asLong() + "/roles";
		for (List<String> pair : List.of(List.of("SYSTEM_ADMIN", "SECURITY_AUDITOR"), List.of("SECURITY_ADMIN", "SYSTEM_ADMIN"),
				List.of("SECURITY_AUDITOR", "CITY_ADMIN"), List.of("SYSTEM_ADMIN", "CASEWORKER"))) {
			Api.Reply refused = api.post(security, roles, Api.json("roles",
					pair.stream().map(role -> Map.of("role", role)).toList(), "version", account.path("version").asInt()));
			assertThat(refused.status()).as(pair + ": " + refused.body()).isEqualTo(400);
			assertThat(refused.text("code")).isEqualTo("people.error.separate-duties");
		}
		assertThat(api.get(api.token("system.admin"), "/api/v1/accounts/" + account.path("id").asLong()).json()
			.path("roles")).as("nothing granted").isEmpty();
		assertThat(api.post(security, roles, Api.json("roles", List.of(Map.of("role", "SECURITY_AUDITOR")), "version",
				account.path("version").asInt())).status()).isEqualTo(200);
	}

}
