package org.grassroots.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.grassroots.support.Api;
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
		String yuzhong = api.token("yuzhong.admin");
		Api.Reply listed = api.get(yuzhong, "/api/v1/accounts?q=nanan");
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.json()).isEmpty();
		long nananAdminId = api.get(api.token("city.admin"), "/api/v1/accounts?q=nanan.admin").json().get(0).path("id").asLong();
		assertThat(api.get(yuzhong, "/api/v1/accounts/" + nananAdminId).status()).isEqualTo(404);
		assertThat(api.post(yuzhong, "/api/v1/accounts/" + nananAdminId + "/disable", "{\"version\":0}").status()).isEqualTo(404);
		assertThat(api.get(api.token("huayuanlu.worker"), "/api/v1/accounts").status()).isEqualTo(403);
	}

	@Test
	void aUnitAdministratorCannotOpenAnAccountOutsideTheirScopeNorGrantTheCityRole() {
		String nanan = api.token("nanan.admin");
		Api.Reply outside = api.post(nanan, "/api/v1/accounts", Api.json("username", "x" + Api.uniqueCode("").toLowerCase(),
				"displayName", "X", "unitCode", "500103901", "roles", java.util.List.of(Map.of("role", "CASEWORKER"))));
		assertThat(outside.status()).isEqualTo(400);
		Api.Reply grant = api.post(nanan, "/api/v1/accounts", Api.json("username", "y" + Api.uniqueCode("").toLowerCase(),
				"displayName", "Y", "unitCode", "500108002", "roles", java.util.List.of(Map.of("role", "CITY_ADMIN"))));
		assertThat(grant.status()).isEqualTo(403);
		Api.Reply widened = api.post(nanan, "/api/v1/accounts", Api.json("username", "z" + Api.uniqueCode("").toLowerCase(),
				"displayName", "Z", "unitCode", "500108002", "roles", java.util.List.of(Map.of("role", "CASEWORKER", "scope", "ALL"))));
		assertThat(widened.status()).isEqualTo(403);
	}

}
