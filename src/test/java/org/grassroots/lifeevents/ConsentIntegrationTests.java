package org.grassroots.lifeevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.grassroots.lifeevents.ConsentSteps.owner;
import static org.grassroots.lifeevents.ConsentSteps.path;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.lifeevents.internal.consent.ConsentLinks;
import org.grassroots.lifeevents.internal.consent.ConsentNoticeJob;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.support.IntegrationTest;
import org.grassroots.support.PageClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The owners' consent on the real app and database: an application needing consent opens it, the
 * Jiefangbei street office (渝中区) registers owners and runs the vote, owners vote by link, the notice
 * runs and the job or the office ends it; Nan'an's staff are the outsiders (and the other way round).
 */
@IntegrationTest
@RecordApplicationEvents
class ConsentIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ConsentNoticeJob job;

	@Autowired
	ConsentRegistry registry;

	@Autowired
	ConsentVoting voting;

	@Autowired
	ConsentNotice notice;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEvents events;

	Api api;

	PageClient pages;

	ConsentSteps steps;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		pages = new PageClient(port);
		steps = new ConsentSteps(api, jdbc, publisher, transactions);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aPassedVoteGoesToPublicNoticeAndTheJobConfirmsItWhenTheNoticeEndsWithoutObjections() throws Exception {
		// given an elevator application filed for a building in a Jiefangbei community
		long community = steps.community(ConsentSteps.YUZHONG_STREET);
		long application = steps.elevatorApplication(community, "民生路 12 号 2 单元");
		long id = steps.open(application, community, "民生路 12 号 2 单元");
		String office = api.token("jiefangbei.worker");
		assertThat(steps.state(id)).isEqualTo("REGISTERING");

		// outsiders: another district's staff do not find it; a leading cadre in scope may read but not act
		assertThat(api.get(api.token("nanan.admin"), path(id)).status()).isEqualTo(404);
		assertThat(api.post(api.token("nanan.admin"), path(id) + "/owners", owner("甲", "1-101", "80.00", true, null)).status())
			.isEqualTo(404);
		String cadre = api.token("yuzhong.cadre");
		assertThat(api.get(cadre, path(id)).status()).isEqualTo(200);
		assertThat(api.post(cadre, path(id) + "/owners", owner("甲", "1-101", "80.00", true, null)).status()).isEqualTo(403);

		// bad input is refused with what is wrong, and writes nothing
		Api.Reply zero = api.post(office, path(id) + "/owners", owner("张三", "1-101", "0", true, null));
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.body()).contains("Exclusive floor area");
		assertThat(api.post(office, path(id) + "/owners", owner("张三", "1-101", "80.005", true, null)).status()).isEqualTo(400);
		assertThat(api.post(office, path(id) + "/owners", owner(" ", "1-101", "80.00", true, null)).status()).isEqualTo(400);
		Api.Reply phone = api.post(office, path(id) + "/owners", owner("张三", "1-101", "80.00", true, "12345"));
		assertThat(phone.status()).isEqualTo(400);
		assertThat(phone.text("detail")).contains("12345");
		assertThat(api.post(office, path(id) + "/vote-opening", Api.json("version", 0)).status())
			.as("no vote without owners").isEqualTo(400);
		assertThat(steps.owners(id)).isZero();
		assertThat(steps.state(id)).isEqualTo("REGISTERING");

		// the office registers three owners; the phone is kept encrypted and shown masked
		JsonNode zhang = steps.ok(api.post(office, path(id) + "/owners", owner("张三", "1-101", "80.00", true, "138 0013 8000")), 201);
		assertThat(zhang.path("phoneMasked").asString()).isEqualTo("138****8000");
		assertThat(jdbc.sql("select phone_cipher from le_consent_owner where id = :id").param("id", zhang.path("id").asLong())
			.query(String.class).single()).doesNotContain("13800138000");
		assertThat(api.post(office, path(id) + "/owners", owner("张三丰", "1-101", "10", false, null)).status())
			.as("one owner a flat").isEqualTo(400);
		steps.ok(api.post(office, path(id) + "/owners", owner("李四", "1-201", "70.50", false, null)), 201);
		steps.ok(api.post(office, path(id) + "/owners", owner("王五", "1-301", 60, false, null)), 201);

		// opening the vote issues every owner a link, shown once and kept as a hash only
		JsonNode opened = steps.ok(api.post(office, path(id) + "/vote-opening", Api.json("version", 0)), 200);
		assertThat(opened.path("consent").path("state").asString()).isEqualTo("VOTING");
		Map<String, String> links = new HashMap<>();
		opened.path("links").forEach(link -> links.put(link.path("flat").asString(), link.path("path").asString()));
		assertThat(links).containsOnlyKeys("1-101", "1-201", "1-301");
		String zhangToken = links.get("1-101").substring("/consent/vote/".length());
		assertThat(jdbc.sql("select count(*) from le_consent_owner where token_hash in (:h)")
			.param("h", ConsentLinks.lookups(zhangToken)).query(Integer.class).single()).as("only the link's hash is kept")
			.isEqualTo(1);
		assertThat(api.post(office, path(id) + "/owners", owner("赵六", "1-401", "50", false, null)).status())
			.as("no new owners once voting").isEqualTo(409);

		// 张三 votes through the link, without signing in; twice is refused
		String zhangPage = links.get("1-101");
		HttpResponse<String> ballot = pages.get(zhangPage);
		assertThat(ballot.statusCode()).isEqualTo(200);
		assertThat(ballot.body()).contains("民生路 12 号 2 单元", "1-101").doesNotContain("李四");
		assertThat(pages.submit(zhangPage, zhangPage, "vote=AGREE").statusCode()).isEqualTo(302);
		assertThat(pages.get(zhangPage).body()).contains("id=\"ballot-voted\"");
		assertThatThrownBy(() -> voting.vote(zhangToken, Vote.DISAGREE)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));

		// the office records 李四's paper vote; it may not vote for 张三 again
		JsonNode detail = steps.detail(office, id);
		JsonNode li = steps.ownerOf(detail, "1-201");
		steps.ok(api.post(office, path(id) + "/owners/" + li.path("id").asLong() + "/vote",
				Api.json("version", li.path("version").asInt(), "vote", "AGREE", "note", "纸质表决票存社区档案")), 200);
		JsonNode zhangNow = steps.ownerOf(steps.detail(office, id), "1-101");
		Api.Reply again = api.post(office, path(id) + "/owners/" + zhangNow.path("id").asLong() + "/vote",
				Api.json("version", zhangNow.path("version").asInt(), "vote", "DISAGREE", "note", "改票"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(zhangNow.path("vote").asString()).isEqualTo("AGREE");
		assertThat(zhangNow.path("castBy").asString()).isEqualTo("LINK");

		// 王五 lost the link: a new one works, the old one is gone
		JsonNode wang = steps.ownerOf(steps.detail(office, id), "1-301");
		JsonNode reissued = steps.ok(api.post(office, path(id) + "/owners/" + wang.path("id").asLong() + "/link",
				Api.json("version", wang.path("version").asInt())), 200);
		String newWangPage = reissued.path("links").get(0).path("path").asString();
		assertThat(pages.get(links.get("1-301")).statusCode()).isEqualTo(404);
		assertThat(pages.get(newWangPage).statusCode()).isEqualTo(200);

		// the live tally: 150.50 of 210.50 m² and 2 of 3 owners took part, all agreed
		detail = steps.detail(office, id);
		assertThat(detail.path("checks").findValuesAsString("condition")).hasSize(5);
		assertThat(detail.path("tally").path("participatingArea").asLong()).isEqualTo(15050);
		assertThat(detail.path("tally").path("totalArea").asLong()).isEqualTo(21050);

		// a stale close is refused and changes nothing; the right one passes to notice
		int version = detail.path("consent").path("version").asInt();
		assertThat(api.post(office, path(id) + "/closing", Api.json("version", version - 1)).status()).isEqualTo(409);
		assertThat(steps.state(id)).isEqualTo("VOTING");
		JsonNode closed = steps.ok(api.post(office, path(id) + "/closing", Api.json("version", version)), 200);
		LocalDate today = LocalDate.now(Times.ZONE);
		assertThat(closed.path("state").asString()).isEqualTo("NOTICE");
		assertThat(closed.path("noticeStartsOn").asString()).isEqualTo(today.toString());
		assertThat(closed.path("noticeEndsOn").asString()).as("ten calendar days, today the first")
			.isEqualTo(today.plusDays(9).toString());
		assertThat(pages.get(newWangPage).body()).contains("id=\"ballot-closed\"");

		// the public notice: figures, no owner's name or flat
		HttpResponse<String> posted = pages.get("/consent/notices/" + id);
		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(posted.body()).contains("民生路 12 号 2 单元", "id=\"objection-form\"").doesNotContain("张三", "李四", "1-101");

		// no decision and no confirmation before the notice ends
		assertThat(api.post(office, path(id) + "/decision",
				Api.json("version", closed.path("version").asInt(), "confirm", true, "note", "无异议")).status()).isEqualTo(409);
		job.confirmDue();
		assertThat(steps.state(id)).isEqualTo("NOTICE");

		// when the days have passed, the job confirms it and the application hears
		steps.endNotice(id, today);
		assertThatThrownBy(() -> notice.object(id, new ConsentCommands.Objection("迟到", null, "太晚了")))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));
		assertThat(job.confirmDue()).hasValueSatisfying(count -> assertThat(count).isPositive());
		assertThat(steps.state(id)).isEqualTo("CONFIRMED");
		assertThat(events.stream(OwnersConsentConfirmed.class)).contains(new OwnersConsentConfirmed(application));
		assertThat(job.confirmDue()).as("nothing twice").hasValue(0);

		// every change is on the audit trail, an owner's vote as by a resident and the confirmation by the system
		List<Map<String, Object>> audit = jdbc.sql("""
				select kind, actor_name from audit_record where subject_type = 'ELEVATOR_CONSENT' and subject_id = :id order by id
				""").param("id", String.valueOf(id)).query().listOfRows();
		assertThat(audit).extracting(row -> row.get("kind")).contains("CONSENT_OPEN", "CONSENT_ADD_OWNER", "CONSENT_OPEN_VOTE",
				"CONSENT_REISSUE_LINK", "CONSENT_VOTE", "CONSENT_RECORD_VOTE", "CONSENT_CLOSE", "CONSENT_CONFIRM");
		assertThat(audit).filteredOn(row -> "CONSENT_VOTE".equals(row.get("kind"))).extracting(row -> row.get("actor_name"))
			.containsExactly("resident");
		assertThat(audit).filteredOn(row -> "CONSENT_CONFIRM".equals(row.get("kind"))).extracting(row -> row.get("actor_name"))
			.containsExactly("system");
		assertThat(audit).filteredOn(row -> "CONSENT_RECORD_VOTE".equals(row.get("kind")))
			.extracting(row -> row.get("actor_name")).containsExactly("jiefangbei.worker");
	}

	@Test
	void objectionsBlockTheAutomaticConfirmationAndTheOfficeDecides() {
		CurrentUser office = signIn("jiefangbei.worker");
		long community = steps.community(ConsentSteps.YUZHONG_STREET);
		long application = steps.elevatorApplication(community, "大坪正街 8 号");
		long id = steps.open(application, community, "大坪正街 8 号");
		ConsentOwner a = registry.addOwner(id, new ConsentCommands.Owner("甲", "101", new BigDecimal("88.88"), true, null), office);
		registry.addOwner(id, new ConsentCommands.Owner("乙", "201", new BigDecimal("77.77"), false, null), office);
		ConsentRegistry.Issued issued = registry.openVote(id, new ConsentCommands.Step(0), office);
		for (ConsentOwner owner : ownersOf(id)) {
			voting.recordVote(id, owner.id(), new ConsentCommands.RecordVote(owner.version(), Vote.AGREE, "纸质票"), office);
		}
		Consent inNotice = voting.close(id, new ConsentCommands.Step(issued.consent().version()), office);
		assertThat(inNotice.state()).isEqualTo(ConsentState.NOTICE);
		assertThat(a.affected()).isTrue();

		// a neighbour objects on the public page, with a phone that is kept encrypted
		SecurityContextHolder.clearContext();
		ConsentObjection objection = notice.object(id, new ConsentCommands.Objection("赵六", "13900139000", "遮挡三楼采光"));
		assertThat(objection.contactMasked()).isEqualTo("139****9000");
		assertThat(objection.recordedBy()).isNull();
		assertThat(jdbc.sql("select contact_cipher from le_consent_objection where id = :id").param("id", objection.id())
			.query(String.class).single()).doesNotContain("13900139000");
		assertThatThrownBy(() -> notice.object(id, new ConsentCommands.Objection(" ", null, " ")))
			.as("bad input").isInstanceOf(DomainException.class);
		assertThat(jdbc.sql("select count(*) from le_consent_objection where consent_id = :id").param("id", id)
			.query(Integer.class).single()).isEqualTo(1);

		// the notice ends: the job leaves it to the office
		steps.endNotice(id, LocalDate.now(Times.ZONE));
		job.confirmDue();
		assertThat(steps.state(id)).isEqualTo("NOTICE");
		assertThat(events.stream(OwnersConsentConfirmed.class)).doesNotContain(new OwnersConsentConfirmed(application));

		// the office refuses with its reason, which the application hears in both languages
		office = signIn("jiefangbei.worker");
		int version = jdbc.sql("select version from le_consent where id = :id").param("id", id).query(Integer.class).single();
		CurrentUser finalOffice = office;
		assertThatThrownBy(() -> notice.decide(id, new ConsentCommands.Decide(version, false, " "), finalOffice))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST));
		Consent refused = notice.decide(id, new ConsentCommands.Decide(version, false, "采光问题无法解决"), office);
		assertThat(refused.state()).isEqualTo(ConsentState.REFUSED);
		assertThat(refused.decidedBy()).isEqualTo("jiefangbei.worker");
		assertThat(events.stream(OwnersConsentRefused.class).filter(event -> event.applicationId() == application))
			.singleElement()
			.satisfies(event -> {
				assertThat(event.reasonZh()).contains("采光问题无法解决", "异议");
				assertThat(event.reasonEn()).contains("采光问题无法解决", "Objections");
			});
	}

	@Test
	void aFailedVoteIsRefusedNamingTheConditionsThatFailed() {
		CurrentUser office = signIn("jiefangbei.worker");
		long community = steps.community(ConsentSteps.YUZHONG_STREET);
		long application = steps.elevatorApplication(community, "较场口 3 号");
		long id = steps.open(application, community, "较场口 3 号");
		registry.addOwner(id, new ConsentCommands.Owner("底层住户", "1-1", new BigDecimal("50.00"), true, null), office);
		for (int floor = 2; floor <= 6; floor++) {
			registry.addOwner(id, new ConsentCommands.Owner("住户" + floor, "1-" + floor, new BigDecimal("90.00"), false, null),
					office);
		}
		ConsentRegistry.Issued issued = registry.openVote(id, new ConsentCommands.Step(0), office);
		for (ConsentOwner owner : ownersOf(id)) {
			Vote vote = owner.affected() ? Vote.DISAGREE : Vote.AGREE;
			voting.recordVote(id, owner.id(), new ConsentCommands.RecordVote(owner.version(), vote, "纸质票"), office);
		}

		Consent closed = voting.close(id, new ConsentCommands.Step(issued.consent().version()), office);

		assertThat(closed.state()).isEqualTo(ConsentState.REFUSED);
		assertThat(closed.closedTally().failed()).containsExactly(Article278.Condition.AFFECTED_OWNERS);
		assertThat(events.stream(OwnersConsentRefused.class).filter(event -> event.applicationId() == application))
			.singleElement()
			.satisfies(event -> {
				assertThat(event.reasonZh()).contains("专有部分受占用的业主全部同意");
				assertThat(event.reasonEn()).contains("Every owner whose own space the work takes agrees");
			});
		assertThat(api.get(null, "/consent/notices/" + id).status()).as("never on notice").isEqualTo(404);
	}

	@Test
	void aNanAnConsentIsNanAnsAlone() {
		long id = steps.openFiled(steps.community(ConsentSteps.NANAN_STREET), "南坪西路 1 号");

		for (String outsider : List.of("yuzhong.admin", "jiefangbei.worker", "yuzhong.cadre")) {
			String token = api.token(outsider);
			assertThat(api.get(token, path(id)).status()).as(outsider).isEqualTo(404);
			assertThat(api.get(token, "/api/v1/lifeevents/consents").json().path("items").findValuesAsString("buildingAddress"))
				.as(outsider).doesNotContain("南坪西路 1 号");
			assertThat(api.post(token, path(id) + "/vote-opening", Api.json("version", 0)).status()).as(outsider).isEqualTo(404);
		}
		assertThat(api.get(api.token("nanan.admin"), path(id)).status()).isEqualTo(200);
		steps.ok(api.post(api.token("huayuanlu.worker"), path(id) + "/owners", owner("刘一", "5-101", "66.60", false, null)), 201);
		assertThat(api.get(api.token("resident.wang"), path(id)).status()).as("residents have no office").isEqualTo(403);
	}

	@Test
	void theOfficeEditsAndRemovesOwnersOnItsPagesWhileRegistering() throws Exception {
		long id = steps.openFiled(steps.community(ConsentSteps.YUZHONG_STREET), "新华路 9 号");
		String office = api.token("jiefangbei.worker");
		long ownerId = steps.ok(api.post(office, path(id) + "/owners", owner("孙七", "3-101", "55.55", false, "13700137000")), 201)
			.path("id").asLong();
		pages.signIn("jiefangbei.worker", Api.DEMO_PASSWORD);
		String detailPage = "/lifeevents/consents/" + id;
		String editPage = detailPage + "/owners/" + ownerId + "/edit";
		assertThat(pages.get(detailPage).body()).contains("孙七", "137****7000", "id=\"add-owner\"", "id=\"open-vote\"");
		assertThat(pages.get(editPage).body()).contains("value=\"55.55\"");

		// a floor area that is no number is refused in words, and nothing changes
		HttpResponse<String> refused = pages.submit(editPage, detailPage + "/owners/" + ownerId,
				"version=0&ownerName=" + PageClient.encode("孙七") + "&flat=3-101&floorArea=abc");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(pages.get(detailPage).body()).contains("“abc”不是有效的面积");
		assertThat(jdbc.sql("select floor_area from le_consent_owner where id = :id").param("id", ownerId)
			.query(BigDecimal.class).single()).isEqualByComparingTo("55.55");

		// an edit with the phone left empty keeps the phone
		pages.submit(editPage, detailPage + "/owners/" + ownerId,
				"version=0&ownerName=" + PageClient.encode("孙七") + "&flat=3-102&floorArea=66.6&affected=true");
		JsonNode edited = steps.ownerOf(steps.detail(office, id), "3-102");
		assertThat(edited.path("floorArea").decimalValue()).isEqualByComparingTo("66.60");
		assertThat(edited.path("affected").asBoolean()).isTrue();
		assertThat(edited.path("phoneMasked").asString()).isEqualTo("137****7000");

		// removing with a stale version is refused; with the right one it is gone
		pages.submit(detailPage, detailPage + "/owners/" + ownerId + "/remove", "version=0");
		assertThat(steps.owners(id)).isEqualTo(1);
		pages.submit(detailPage, detailPage + "/owners/" + ownerId + "/remove", "version=1");
		assertThat(steps.owners(id)).isZero();
		assertThat(pages.get("/lifeevents/consents").body()).contains("新华路 9 号");

		// the audit page tells it in words and leads to the consent
		String log = pages.get("/audit?kind=CONSENT_ADD_OWNER").body();
		assertThat(log).contains("孙七", "href=\"/lifeevents/consents/" + id + "\"");
	}

	@Test
	void unknownAndMalformedLinksAndUnpostedNoticesAre404() throws Exception {
		assertThat(pages.get("/consent/vote/" + "A".repeat(27)).statusCode()).isEqualTo(404);
		assertThat(pages.get("/consent/vote/short").statusCode()).isEqualTo(404);
		long id = steps.openFiled(steps.community(ConsentSteps.YUZHONG_STREET), "八一路 5 号");
		assertThat(pages.get("/consent/notices/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void theSameApplicationOpensOneConsent() {
		long community = steps.community(ConsentSteps.YUZHONG_STREET);
		long application = steps.elevatorApplication(community, "邹容路 1 号");
		long first = steps.open(application, community, "邹容路 1 号");
		long second = steps.open(application, community, "邹容路 1 号");
		assertThat(second).isEqualTo(first);
	}

	private List<ConsentOwner> ownersOf(long id) {
		return jdbc.sql("select id from le_consent_owner where consent_id = :id order by id").param("id", id)
			.query(Long.class)
			.list()
			.stream()
			.map(ownerId -> jdbc.sql("select version, affected from le_consent_owner where id = :id").param("id", ownerId)
				.query((rs, n) -> new ConsentOwner(ownerId, id, "", "", BigDecimal.ONE, rs.getBoolean("affected"), null, null,
						null, null, null, null, true, rs.getInt("version")))
				.single())
			.toList();
	}

	private CurrentUser signIn(String username) {
		CurrentUser user = (CurrentUser) users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return user;
	}

}
