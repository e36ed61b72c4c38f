package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The detail page offers each person only what they may do now, says what each action does,
 * chooses no unit for them, and tells the history in words, in both languages. The problems live
 * in Yuzhong (its office and Jiefangbei street), so Nan'an's queue stays as other tests expect.
 */
@IntegrationTest
class ProblemDetailPageIntegrationTests {

	static final String STREET = "500103901";

	static final String COMMUNITY = "500103901001";

	/** The form on the detail page for each action that has one. */
	static final Map<String, String> FORMS = Map.ofEntries(Map.entry("accept-form", "ACCEPT"),
			Map.entry("decline-form", "DECLINE"), Map.entry("assign-form", "ASSIGN"), Map.entry("delegate-form", "DELEGATE"),
			Map.entry("split-form", "SPLIT"), Map.entry("plan-form", "START"), Map.entry("submit-form", "SUBMIT"),
			Map.entry("recognize-form", "RECOGNIZE"), Map.entry("return-form", "RETURN"), Map.entry("note-form", "NOTE"),
			Map.entry("summons-form", "SUMMON"), Map.entry("report-in-form", "REPORT_IN"),
			Map.entry("act-form", "ACT_ON_SUMMONS"), Map.entry("escalate-form", "ESCALATE"),
			Map.entry("supervise-form", "SUPERVISE"), Map.entry("publish-form", "PUBLISH"),
			Map.entry("review-form", "REVIEW"));

	/** An enum name as it would show if a page printed a code. */
	static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z_]{2,}\\b");

	@LocalServerPort
	int port;

	@Autowired
	ProblemSupervision supervision;

	ProblemSteps steps;

	@BeforeEach
	void setUp() {
		steps = new ProblemSteps(new Api(port));
	}

	@Test
	void eachPersonIsOfferedOnlyTheActionsTheyMayTakeNowAndRecognizeOnceForTheirSide() throws Exception {
		long id = steps.register("yuzhong.admin", Api.uniqueCode("渝中 路灯不亮 "));
		PageClient office = signedIn("yuzhong.admin");
		PageClient street = signedIn("jiefangbei.worker");

		// registered: the office may accept, decline or publish, each with a line saying what it does
		assertOfferedAsAllowed(office, "yuzhong.admin", id);
		String registered = office.get("/problems/" + id).body();
		assertThat(offered(registered)).containsExactlyInAnyOrder("ACCEPT", "DECLINE", "PUBLISH");
		assertThat(registered).contains("确认问题属实、由本单位办理").contains("问题不属实或不归本单位办理时使用");

		// accepted: assign, delegate and split are explained side by side, and no unit is chosen for the office
		office.submit("/problems/" + id, "/problems/" + id + "/accept", "version=" + steps.version(id));
		String accepted = office.get("/problems/" + id).body();
		assertOfferedAsAllowed(office, "yuzhong.admin", id);
		assertThat(offered(accepted)).contains("ASSIGN", "DELEGATE", "SPLIT").doesNotContain("ACCEPT", "SUMMON");
		assertThat(accepted).contains("交给本单位或一个直属下级单位整改").contains("交给一个下级单位（如街道）再分派")
			.contains("每个单位各得一个子问题");
		String assign = form(accepted, "assign-form");
		assertThat(assign).contains("<option value=\"\" selected disabled>请选择</option>");
		assertThat(assign.split("selected", -1)).as("one selected option, the placeholder").hasSize(2);
		assertThat(form(accepted, "delegate-form")).contains("<option value=\"\" selected disabled>请选择</option>");
		assertThat(assign).contains("name=\"unitId\" required");

		// the street rectifies; the submission asks both sides to recognize
		steps.ok("yuzhong.admin", id, "assign", "unitId", steps.unitId(STREET), "person", "赵工作人员");
		assertOfferedAsAllowed(street, "jiefangbei.worker", id);
		steps.ok("jiefangbei.worker", id, "plan", "measures", "更换灯泡");
		steps.ok("jiefangbei.worker", id, "submit", "evidence", "已更换，附照片");
		assertThat(offered(street.get("/problems/" + id).body())).contains("RECOGNIZE", "RETURN");
		assertThat(offered(office.get("/problems/" + id).body())).contains("RECOGNIZE", "RETURN");

		// the street recognizes for its side: it is not offered recognition again, the office still is
		street.submit("/problems/" + id, "/problems/" + id + "/recognize", "version=" + steps.version(id));
		assertThat(steps.problem("yuzhong.admin", id).path("responsibleRecognizedAt").asString()).isNotBlank();
		assertThat(offered(street.get("/problems/" + id).body())).doesNotContain("RECOGNIZE");
		assertOfferedAsAllowed(street, "jiefangbei.worker", id);
		assertThat(offered(office.get("/problems/" + id).body())).contains("RECOGNIZE");

		// the office's recognition closes it: nobody is offered recognition or return any more
		office.submit("/problems/" + id, "/problems/" + id + "/recognize", "version=" + steps.version(id));
		assertThat(steps.state(id)).isEqualTo("CLOSED");
		for (PageClient pages : new PageClient[] { office, street }) {
			assertThat(offered(pages.get("/problems/" + id).body())).doesNotContain("RECOGNIZE", "RETURN");
		}
		assertOfferedAsAllowed(office, "yuzhong.admin", id);

		// a Nan'an caseworker cannot open it, nor recognize it by posting the form
		PageClient other = signedIn("huayuanlu.worker");
		assertThat(other.get("/problems/" + id).statusCode()).isEqualTo(404);
		assertThat(steps.command("huayuanlu.worker", id, "recognize").status()).isEqualTo(404);
	}

	@Test
	void theTimelineTellsWhoDidWhatInWordsInBothLanguages() throws Exception {
		ProblemSteps.Report report = steps.report(COMMUNITY, "OTHER", Api.uniqueCode("解放碑 井盖松动 "));
		long id = report.id();
		steps.ok("yuzhong.admin", id, "accept");
		steps.ok("yuzhong.admin", id, "publish", "titlePublic", false);
		steps.ok("yuzhong.admin", id, "publish", "titlePublic", true);
		steps.ok("yuzhong.admin", id, "assign", "unitId", steps.unitId(STREET));
		steps.ok("jiefangbei.worker", id, "plan", "measures", "固定井盖");
		supervision.flagOverdue(id);
		for (int round = 0; round < 2; round++) {
			steps.ok("jiefangbei.worker", id, "submit", "evidence", "已固定");
			steps.ok("yuzhong.admin", id, "return", "note", "仍有松动");
		}
		steps.ok("jiefangbei.worker", id, "submit", "evidence", "已更换新井盖");
		steps.ok("jiefangbei.worker", id, "recognize");
		steps.ok("yuzhong.admin", id, "recognize");
		assertThat(steps.api.post(null, "/api/v1/public/reports/" + report.trackingCode() + "/evaluation",
				Api.json("rating", "SATISFIED")).status()).isEqualTo(200);

		PageClient office = signedIn("yuzhong.admin");
		String chinese = text(between(office.get("/problems/" + id).body(), "<ol class=\"small mb-0\" id=\"timeline\">", "</ol>"));
		assertThat(chinese).doesNotContainPattern(CODE).doesNotContain("system").doesNotContain("resident")
			.contains("居民反映了问题").contains("受理了问题").contains("标题不再公开").contains("标题对公众公开")
			.contains("系统将问题标记为超期").contains("系统（渝中区）督办了问题：整改两次被退回，自动督办")
			.contains("居民评价了办理结果：满意").contains("（问题转为“已销号”）");

		String english = text(between(office.get("/problems/" + id + "?lang=en").body(), "<ol class=\"small mb-0\" id=\"timeline\">",
				"</ol>"));
		assertThat(english).doesNotContainPattern(CODE).contains("A resident reported the problem")
			.contains("The system flagged the problem overdue").contains("the rectification was returned twice")
			.contains("A resident rated the result: Satisfied").contains("(now Closed)");
		// the version counter is kept for the forms, never shown
		assertThat(text(office.get("/problems/" + id + "?lang=en").body())).doesNotContainPattern("[Vv]ersion \\d");
	}

	/** The forms on the page are exactly the actions the API allows this person now. */
	private void assertOfferedAsAllowed(PageClient pages, String username, long id) throws Exception {
		Set<String> allowed = new TreeSet<>();
		for (JsonNode action : steps.api.get(steps.token(username), "/api/v1/problems/" + id).json().path("allowed")) {
			if (FORMS.containsValue(action.asString())) {
				allowed.add(action.asString());
			}
		}
		assertThat(offered(pages.get("/problems/" + id).body())).as(username).isEqualTo(allowed);
	}

	static Set<String> offered(String page) {
		Set<String> actions = new TreeSet<>();
		Matcher forms = Pattern.compile("<form[^>]* id=\"([a-z-]+-form)\"").matcher(page);
		while (forms.find()) {
			if (FORMS.containsKey(forms.group(1))) {
				actions.add(FORMS.get(forms.group(1)));
			}
		}
		return actions;
	}

	static String form(String page, String id) {
		return between(page.substring(page.indexOf("id=\"" + id + "\"")), ">", "</form>");
	}

	static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as("'" + start + "' in the page").isNotNegative();
		return text.substring(from + start.length(), text.indexOf(end, from + start.length()));
	}

	/** What a reader sees: the text without tags, comments and the CSRF field. */
	static String text(String html) {
		return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]+>", " ").replaceAll("&[a-z#0-9]+;", " ");
	}

	private PageClient signedIn(String username) throws Exception {
		PageClient pages = new PageClient(port);
		pages.signIn(username, Api.DEMO_PASSWORD);
		return pages;
	}

}
