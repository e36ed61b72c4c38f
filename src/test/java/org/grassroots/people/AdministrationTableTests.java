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
import tools.jackson.databind.JsonNode;
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

	/** The account table's columns: who administers accounts, and who no longer may. */
	static final Map<String, String> ACCOUNT_ADMINISTRATORS = ordered("city system", "system.admin", "city security",
			"security.admin", "district system", "nanan.sysadmin", "district security", "nanan.secadmin", "city campaign",
			"city.admin", "unit administrator", "nanan.admin", "auditor", "security.auditor");

	/** The unit table's columns: the campaign's and the system administrators, who keep the hierarchy, and others. */
	static final List<String> UNIT_ADMINISTRATORS = List.of("city", "unit and below", "unit only", "steering group",
			"leading cadre", "city system", "district system", "city security");

	@LocalServerPort
	int port;

	Api api;

	String system;

	String city;

	Map<String, String> tokens;

	@BeforeEach
	void administrators() {
		api = new Api(port);
		system = api.token("system.admin");
		city = api.token("city.admin");
		String unitOnly = open("UNIT_ADMIN UNIT", "500108");
		tokens = new HashMap<>();
		ACCOUNT_ADMINISTRATORS.forEach((column, username) -> tokens.put(column, api.token(username)));
		tokens.put("city", city);
		tokens.put("unit and below", api.token("nanan.admin"));
		tokens.put("unit only", api.token(unitOnly, PASSWORD));
		tokens.put("steering group", api.token("steering.group"));
		tokens.put("leading cadre", api.token("nanan.cadre"));
	}

	@Test
	void everyAdministratorActsOnEveryTargetAccountExactlyAsTheTableSays() throws Exception {
		List<String> failures = new ArrayList<>();
		List<String> columns = List.copyOf(ACCOUNT_ADMINISTRATORS.keySet());
		for (List<String> row : table("| target roles |")) {
			for (int a = 0; a < columns.size(); a++) {
				String admin = columns.get(a);
				String expected = row.get(2 + a);
				String username = open(row.get(0), row.get(1));
				String cell = admin + " on " + row.get(0) + " at " + row.get(1) + ": expected " + expected;
				String seen = actOnAccount(tokens.get(admin), username, row.get(1));
				if (!seen.equals(expected)) {
					failures.add(cell + ", saw " + seen);
				}
				if (admin.endsWith("security")) {
					int granting = grantAs(tokens.get(admin), row.get(0), row.get(1));
					if ((granting == 200) != (expected.equals("yes") || expected.equals("all"))) {
						failures.add(cell + ", granting the roles answered " + granting);
					}
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void everyAdministratorActsOnEveryUnitExactlyAsTheTableSays() throws Exception {
		List<String> failures = new ArrayList<>();
		for (List<String> row : table("| unit command |")) {
			for (int a = 0; a < UNIT_ADMINISTRATORS.size(); a++) {
				String admin = UNIT_ADMINISTRATORS.get(a);
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
		nanan.signIn("nanan.sysadmin", Api.DEMO_PASSWORD);

		// the search box repeats the query; a listed account is a cell of its own
		assertThat(nanan.get("/accounts?q=" + cityOps).body()).doesNotContain(">" + cityOps + "<");
		assertThat(nanan.get("/accounts?q=" + caseworker).body()).contains(">" + caseworker + "<");
		int before = version(cityOpsId);
		var reset = nanan.submit("/accounts", "/accounts/" + cityOpsId + "/reset", "version=" + before);

		assertThat(reset.statusCode()).isEqualTo(404);
		assertThat(version(cityOpsId)).isEqualTo(before);
		assertThat(new PageClient(port).signIn(cityOps, PASSWORD)).as("the password was not reset").doesNotEndWith("?error");
	}

	/**
	 * Every account command in turn: "yes" when the reads and every command of the
	 * administrator's own duty succeeded and the other duty's answered 403; "all" when every
	 * command succeeded; "read" when the reads
	 * succeeded and every command answered 403; else the one status every request answered.
	 */
	private String actOnAccount(String token, String username, String unitCode) {
		long id = accountId(username);
		int before = version(id);
		int read = api.get(token, "/api/v1/accounts/" + id).status();
		boolean listed = api.get(token, "/api/v1/accounts?q=" + username).json().size() == 1;
		Map<String, Integer> statuses = new LinkedHashMap<>();
		for (String command : List.of("disable", "enable", "move", "reset-password", "unlock", "roles",
				"reset-second-factor")) {
			JsonNode account = api.get(system, "/api/v1/accounts/" + id).json();
			String body = switch (command) {
				case "move" -> Api.json("unitCode", unitCode, "version", account.path("version").asInt());
				case "roles" -> Api.json("roles", account.path("roles"), "version", account.path("version").asInt());
				default -> Api.json("version", account.path("version").asInt());
			};
			statuses.put(command, api.post(token, "/api/v1/accounts/" + id + "/" + command, body).status());
		}
		int changed = version(id) - before;
		List<Integer> systemStatuses = List.copyOf(statuses.values()).subList(0, 4);
		List<Integer> securityStatuses = List.copyOf(statuses.values()).subList(4, 7);
		if (read == 200 && listed) {
			if (statuses.values().stream().allMatch(status -> status == 200) && changed == statuses.size()) {
				return "all";
			}
			if (statuses.values().stream().allMatch(status -> status == 403) && changed == 0) {
				return "read";
			}
			boolean systemDuty = systemStatuses.stream().allMatch(status -> status == 200);
			boolean securityDuty = securityStatuses.stream().allMatch(status -> status == 200);
			if (systemDuty != securityDuty && changed == (systemDuty ? 4 : 3)
					&& (systemDuty ? securityStatuses : systemStatuses).stream().allMatch(status -> status == 403)) {
				return "yes";
			}
		}
		if (statuses.values().stream().allMatch(status -> status == read) && changed == 0 && !listed) {
			return String.valueOf(read);
		}
		return "mixed read " + read + " " + statuses + (listed ? " listed" : "") + " versions +" + changed;
	}

	/**
	 * Granting the cell's roles as the security administrator to an account the city's system
	 * administrator opened without roles at the unit: the status, and where refused, that the
	 * account still holds none.
	 */
	private int grantAs(String token, String roles, String unitCode) {
		Api.Reply opened = api.post(system, "/api/v1/accounts", Api.json("username", "gr" + Api.uniqueCode("").toLowerCase(),
				"displayName", "表格", "unitCode", unitCode, "roles", List.of(), "password", PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		long id = opened.json().path("account").path("id").asLong();
		int status = api.post(token, "/api/v1/accounts/" + id + "/roles", Api.json("roles", grants(roles, unitCode),
				"version", opened.json().path("account").path("version").asInt())).status();
		if (status != 200) {
			assertThat(api.get(system, "/api/v1/accounts/" + id).json().path("roles")).isEmpty();
		}
		return status;
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

	/** Opens an account with the roles of a table cell, such as "CASEWORKER UNIT, CITY_ADMIN ALL", or "none". */
	private String open(String roles, String unitCode) {
		String username = "adm" + Api.uniqueCode("").toLowerCase();
		Api.Reply opened = api.openAccount(Api.json("username", username, "displayName", "表格 " + roles, "unitCode",
				unitCode, "roles", grants(roles, unitCode), "password", PASSWORD));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return username;
	}

	private static List<Map<String, Object>> grants(String roles, String unitCode) {
		List<Map<String, Object>> grants = new ArrayList<>();
		if (roles.equals("none")) {
			return grants;
		}
		for (String grant : roles.split(",")) {
			String[] parts = grant.trim().split(" ");
			Map<String, Object> role = new LinkedHashMap<>();
			role.put("role", parts[0]);
			role.put("scope", parts[1]);
			role.put("assignedUnitCodes", parts[1].equals("ASSIGNED") ? List.of(unitCode) : List.of());
			grants.add(role);
		}
		return grants;
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private long accountId(String username) {
		return api.get(system, "/api/v1/accounts?q=" + username).json().get(0).path("id").asLong();
	}

	private int version(long id) {
		return api.get(system, "/api/v1/accounts/" + id).json().path("version").asInt();
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
