package org.grassroots.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The small things issue 15 found on the pages, each as a person would meet it: a file's size, a
 * column heading, a stray word under a form, unlabelled fields, a check-in page that does not say
 * where and when, and a demo problem whose response was due before it was reported.
 */
@IntegrationTest
class PageDetailsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSmallAttachmentShowsItsSizeInBytes() throws Exception {
		// given a problem with a 779-byte photo
		Api api = new Api(port);
		String token = api.token("nanan.admin");
		long id = api.post(token, "/api/v1/problems", Api.json("title", Api.uniqueCode("size "), "description", "a small photo",
				"source", "SELF_FOUND", "categoryCode", "PARKING")).json().path("id").asLong();
		byte[] photo = new byte[779];
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };
		System.arraycopy(png, 0, photo, 0, png.length);
		assertThat(api.upload(token, "/api/v1/problems/" + id + "/attachments", "photo.png", photo).status()).isEqualTo(201);

		// when the problem's page lists it, then it says 779 B, not 0 KB
		String page = signedIn("nanan.admin").get("/problems/" + id).body();
		assertThat(page).contains("779 B)").doesNotContain("0 KB");
	}

	@Test
	void everyColumnOfAUnitsChildrenHasAHeading() throws Exception {
		String page = signedIn("nanan.admin").get("/units/" + unitId("500108")).body();

		Matcher head = Pattern.compile("id=\"children\">\\s*<thead>(.*?)</thead>", Pattern.DOTALL).matcher(page);
		assertThat(head.find()).isTrue();
		assertThat(head.group(1)).doesNotContain("<th></th>").contains("下级单位数");
	}

	@Test
	void theReportPageHasNoStrayChoiceBelowItsForm() throws Exception {
		String page = new PageClient(port).get("/report").body();

		// the options htmx loads into the selects belong in the selects, not after the page's main part
		assertThat(page.substring(page.indexOf("</main>"))).doesNotContain("<option").doesNotContain("请选择");
	}

	@Test
	void everyFieldOfTheNewPlanFormHasALabel() throws Exception {
		String page = signedIn("nanan.admin").get("/learning").body();
		String form = page.substring(page.indexOf("id=\"plan-form\""), page.indexOf("</form>", page.indexOf("id=\"plan-form\"")));

		List<String> fields = new ArrayList<>();
		Matcher field = Pattern.compile("<(input|textarea|select)\\b([^>]*)>").matcher(form);
		while (field.find()) {
			if (!field.group(2).contains("type=\"hidden\"")) {
				Matcher id = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(field.group(2));
				assertThat(id.find()).as(field.group()).isTrue();
				fields.add(id.group(1));
			}
		}
		assertThat(fields).containsExactly("plan-title", "plan-materials", "plan-links", "plan-start", "plan-end", "plan-required");
		for (String id : fields) {
			assertThat(form).as(id).containsPattern("<label[^>]*for=\"" + id + "\"[^>]*>[^<]+</label>");
		}
	}

	@Test
	void theCheckInPageSaysWhereThePointIsAndWhenItIsOpen() throws Exception {
		// given the QR code of the demo point in Nanhu community
		Api api = new Api(port);
		long point = jdbc.sql("select min(id) from learning_point where name = '南湖社区学习打卡点'").query(Long.class).single();
		String url = api.get(api.token("nanan.admin"), "/api/v1/learning/points/" + point + "/qr").text("url")
			.replace("http://localhost:" + port, "");

		// when member.li scans it
		HttpResponse<String> page = signedIn("member.li").get(url);

		// then the page shows the place, its address and its opening hours before the button
		assertThat(page.statusCode()).isEqualTo(200);
		String address = jdbc.sql("select address from learning_point where id = :id").param("id", point).query(String.class).single();
		String hours = jdbc.sql("select opening_hours from learning_point where id = :id").param("id", point).query(String.class)
			.single();
		assertThat(address).isNotBlank();
		assertThat(hours).isNotBlank();
		assertThat(page.body()).contains("id=\"place-address\">" + address + "<").contains("id=\"place-hours\">" + hours + "<");
	}

	@Test
	void noDemoProblemWasDueBeforeItWasReported() {
		// the demo's late report: reported a day and an hour ago, its first response due an hour ago
		record Times(OffsetDateTime created, OffsetDateTime due, OffsetDateTime firstEvent) {
		}
		Times late = jdbc.sql("""
				select p.created_at, p.response_due, (select min(e.at) from problem_event e where e.problem_id = p.id)
				from problem p where p.title = '社区卫生站周末不开门'
				""").query((rs, n) -> new Times(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class),
				rs.getObject(3, OffsetDateTime.class))).single();
		assertThat(late.due()).isAfter(late.created());
		assertThat(late.due().toInstant()).isBefore(Instant.now());
		assertThat(late.firstEvent().toInstant()).isEqualTo(late.created().toInstant());
		// and none of the demo's problems has a response due before its report
		int early = jdbc.sql("""
				select count(*) from problem p where p.response_due < p.created_at
				and p.ledger_no in (select ledger_no from problem where title in ('社区卫生站周末不开门', '小区物业费收支不公开',
				  '5 号楼加装电梯意见不统一', '希望小区门口增设公交站', '菜市场周边占道停车', '楼道堆放杂物无人清理',
				  '解放碑商圈夜间停车难', '放学时段校门口拥堵'))
				""").query(Integer.class).single();
		assertThat(early).isZero();
	}

	private long unitId(String code) {
		return jdbc.sql("select id from unit where code = :code").param("code", code).query(Long.class).single();
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

}
