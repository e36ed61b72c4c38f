package org.grassroots.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tables under "Who may administer whom" in docs/people.md, walked cell by cell through the
 * API: every administrator kind against every target account and unit, for every command.
 */
@IntegrationTest
class AdministrationTableTests {

	static final String PASSWORD = "table-test-long-passphrase";

	static final List<String> ADMINISTRATORS = List.of("city", "unit and below", "unit only", "steering group",
			"leading cadre");

	@LocalServerPort
	int port;

	Api api;

	String city;

	Map<String, String> tokens;

	@BeforeEach
	void administrators() {
		api = new Api(port);
		city = api.token("city.admin");
		String unitOnly = open("UNIT_ADMIN UNIT", "500108");
		tokens = new HashMap<>();
		tokens.put("city", city);
		tokens.put("unit and below", api.token("nanan.admin"));
		tokens.put("unit only", api.token(unitOnly, PASSWORD));
		tokens.put("steering group", api.token("steering.group"));
		tokens.put("leading cadre", api.token("nanan.cadre"));
	}

	@Test
	void everyAdministratorActsOnEveryTargetAccountExactlyAsTheTableSays() throws Exception {
		List<String> failures = new ArrayList<>();
		for (List<String> row : table("| target roles |")) {
			for (int a = 0; a < ADMINISTRATORS.size(); a++) {
				String admin = ADMINISTRATORS.get(a);
				String expected = row.get(2 + a);
				String username = open(row.get(0), row.get(1));
				String cell = admin + " on " + row.get(0) + " at " + row.get(1) + ": expected " + expected;
				String seen = actOnAccount(tokens.get(admin), username, row.get(1));
				if (!seen.equals(expected)) {
					failures.add(cell + ", saw " + seen);
				}
				int opening = openAs(tokens.get(admin), row.get(0), row.get(1));
				boolean opened = opening == 201;
				if (opened != expected.equals("yes") || (expected.equals("403") && opening != 403)) {
					failures.add(cell + ", opening one answered " + opening);
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void everyAdministratorActsOnEveryUnitExactlyAsTheTableSays() throws Exception {
		List<String> failures = new ArrayList<>();
		for (List<String> row : table("| unit command |")) {
			for (int a = 0; a < ADMINISTRATORS.size(); a++) {
				String admin = ADMINISTRATORS.get(a);
				String expected = row.get(2 + a);
				int status = actOnUnit(tokens.get(admin), row.get(0), row.get(1));
				String seen = status == 200 || status == 201 ? "yes" : String.valueOf(status);
				if (!seen.equals(expected)) {
					failures.add(admin + " " + row.get(0) + " " + row.get(1) + ": expected " + expected + ", saw " + seen);
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void theAccountPagesRefuseWhatTheApiRefuses() throws Exception {
		String cityOps = open("CITY_ADMIN ALL", "500108");
		String caseworker = open("CASEWORKER UNIT_AND_BELOW", "500108002");
		long cityOpsId = accountId(cityOps);
		PageClient nanan = new PageClient(port);
		nanan.signIn("nanan.admin", Api.DEMO_PASSWORD);

		// the search box repeats the query; a listed account is a cell of its own
		assertThat(nanan.get("/accounts?q=" + cityOps).body()).doesNotContain(">" + cityOps + "<");
		assertThat(nanan.get("/accounts?q=" + caseworker).body()).contains(">" + caseworker + "<");
		var reset = nanan.submit("/accounts", "/accounts/" + cityOpsId + "/reset", "version=" + version(cityOpsId));

		assertThat(reset.statusCode()).isEqualTo(404);
		assertThat(version(cityOpsId)).isZero();
		assertThat(new PageClient(port).signIn(cityOps, PASSWORD)).as("the password was not reset").doesNotEndWith("?error");
	}

	/** Every account command in turn; "yes" when each succeeded, else the one status all answered. */
	private String actOnAccount(String token, String username, String unitCode) {
		long id = accountId(username);
		int before = version(id);
		List<Integer> statuses = new ArrayList<>();
		statuses.add(api.get(token, "/api/v1/accounts/" + id).status());
		boolean listed = api.get(token, "/api/v1/accounts?q=" + username).json().size() == 1;
		for (String command : List.of("disable", "enable", "unlock", "move", "reset-password")) {
			String body = command.equals("move") ? Api.json("unitCode", unitCode, "version", version(id))
					: Api.json("version", version(id));
			statuses.add(api.post(token, "/api/v1/accounts/" + id + "/" + command, body).status());
		}
		if (statuses.stream().allMatch(status -> status == 200)) {
			return listed && version(id) == before + 5 ? "yes" : "yes but listed=" + listed;
		}
		if (statuses.stream().distinct().count() == 1 && version(id) == before && !listed) {
			return String.valueOf(statuses.get(0));
		}
		return "mixed " + statuses + (listed ? " listed" : "") + " versions " + before + "->" + version(id);
	}

	private int actOnUnit(String token, String command, String code) {
		Api.Reply unit = api.get(city, "/api/v1/units/by-code/" + code);
		long id = unit.json().path("id").asLong();
		int version = unit.json().path("version").asInt();
		return switch (command) {
			case "create" -> api.post(token, "/api/v1/units", Api.json("code", Api.uniqueCode("T"), "parentId", id,
					"nameZh", "表格测试", "level", code.length() == 6 ? "STREET" : "COMMUNITY")).status();
			case "rename" -> api.patch(token, "/api/v1/units/" + id,
					Api.json("nameZh", unit.text("nameZh"), "nameEn", unit.text("nameEn"), "version", version)).status();
			case "import" -> api.postCsv(token, "/api/v1/units/import", "code,parent_code,level,name_zh\n"
					+ Api.uniqueCode("T") + "," + code + "," + (code.length() == 6 ? "STREET" : "COMMUNITY") + ",表格导入\n")
				.status();
			case "move" -> api.post(token, "/api/v1/units/" + id + "/move",
					Api.json("parentId", unit.json().path("parentId").asLong(), "version", version)).status();
			default -> throw new IllegalArgumentException(command);
		};
	}

	/** Opens an account with the roles of a table cell, such as "CASEWORKER UNIT, CITY_ADMIN ALL". */
	private String open(String roles, String unitCode) {
		String username = "adm" + Api.uniqueCode("").toLowerCase();
		Api.Reply opened = api.post(city, "/api/v1/accounts", openAccount(username, roles, unitCode));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return username;
	}

	/** Opening as the administrator: the status, and where refused, that no account was opened. */
	private int openAs(String token, String roles, String unitCode) {
		String username = "adm" + Api.uniqueCode("").toLowerCase();
		int status = api.post(token, "/api/v1/accounts", openAccount(username, roles, unitCode)).status();
		if (status != 201) {
			assertThat(api.get(city, "/api/v1/accounts?q=" + username).json()).as(username).isEmpty();
		}
		return status;
	}

	private static String openAccount(String username, String roles, String unitCode) {
		List<Map<String, Object>> grants = new ArrayList<>();
		for (String grant : roles.split(",")) {
			String[] parts = grant.trim().split(" ");
			Map<String, Object> role = new LinkedHashMap<>();
			role.put("role", parts[0]);
			role.put("scope", parts[1]);
			role.put("assignedUnitCodes", parts[1].equals("ASSIGNED") ? List.of(unitCode) : List.of());
			grants.add(role);
		}
		return Api.json("username", username, "displayName", "表格 " + roles, "unitCode", unitCode, "roles", grants,
				"password", PASSWORD);
	}

	private long accountId(String username) {
		return api.get(city, "/api/v1/accounts?q=" + username).json().get(0).path("id").asLong();
	}

	private int version(long id) {
		return api.get(city, "/api/v1/accounts/" + id).json().path("version").asInt();
	}

	/** The rows of the table whose header starts so, as trimmed cells without backticks. */
	private static List<List<String>> table(String header) throws Exception {
		List<String> lines = Files.readAllLines(Path.of("docs/people.md"));
		int start = lines.indexOf("### Who may administer whom");
		assertThat(start).as("a '### Who may administer whom' heading in docs/people.md").isNotNegative();
		List<List<String>> rows = new ArrayList<>();
		boolean inTable = false;
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith(header)) {
				inTable = true;
				continue;
			}
			if (!inTable || line.startsWith("|---")) {
				continue;
			}
			if (!line.startsWith("|")) {
				break;
			}
			List<String> cells = new ArrayList<>();
			for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
				cells.add(cell.replace("`", "").trim());
			}
			rows.add(cells);
		}
		assertThat(rows).as("rows of the table " + header).isNotEmpty();
		return rows;
	}

}
