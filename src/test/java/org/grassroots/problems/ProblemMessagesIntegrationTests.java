package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.grassroots.GrassrootsApplication;
import org.grassroots.outbox.Channel;
import org.grassroots.outbox.Outbox;
import org.grassroots.outbox.OutgoingMessage;
import org.grassroots.support.Api;
import org.grassroots.support.OwnDatabase;
import org.grassroots.support.PageClient;
import org.grassroots.support.SmsGatewayStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS and e-mail from problems' steps through the outbox, with real servers on the loopback: an
 * SMTP server (GreenMail) and an HTTP server in an SMS gateway's shape. Nodes are started as an
 * operator would, on a database of their own. Checked: what the resident and the staff receive,
 * retries after a server was down, a refusal kept with its reason and sent again by the system
 * administrator, no message sent twice when two nodes send at once or a node died holding some,
 * and a resident stopping messages by replying and by the link.
 */
class ProblemMessagesIntegrationTests {

	static final String RESIDENT_PHONE = "13912340001";

	static final String STAFF_PHONE = "13800138001";

	final String database = OwnDatabase.url("outbox");

	final String dataDir = "target/test-data/outbox-" + UUID.randomUUID();

	final SmsGatewayStub sms = new SmsGatewayStub();

	final int smtpPort = freePort();

	final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		Collections.reverse(open);
		for (AutoCloseable closeable : open) {
			closeable.close();
		}
		sms.close();
	}

	@Test
	void residentsAndStaffGetTheirMessagesOnceThroughServersThatFailAndComeBack() throws Exception {
		ConfigurableApplicationContext node = node("a");
		Api api = new Api(port(node));
		ProblemSteps steps = new ProblemSteps(api);
		String worker = steps.token("huayuanlu.worker");
		JsonNode channels = api.get(worker, "/api/v1/me/message-channels").json();
		Api.Reply chosen = api.put(worker, "/api/v1/me/message-channels", Api.json("email", "Worker@Huayuanlu.example.cn",
				"sms", true, "byEmail", true, "language", "en", "version", channels.path("version").asInt()));
		assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
		assertThat(api.put(worker, "/api/v1/me/message-channels", Api.json("email", "not an address", "sms", true,
				"byEmail", true, "version", chosen.json().path("version").asInt())).status()).isEqualTo(400);
		Api.Reply opened = api.openAccount(Api.json("username", "street." + Api.uniqueCode("").toLowerCase(Locale.ROOT),
				"displayName", "街道值班员", "unitCode", ProblemSteps.STREET, "phone", STAFF_PHONE, "roles",
				List.of(Map.of("role", "CASEWORKER"))));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);

		// the resident: received, with the tracking code shown once
		ProblemSteps.Report report = steps.report(ProblemSteps.COMMUNITY, "PARKING", Api.uniqueCode("停车 "),
				RESIDENT_PHONE);
		Map<String, String> received = awaitSms(RESIDENT_PHONE, "SMS_RECEIVED");
		Map<String, String> params = params(received);
		assertThat(received).containsEntry("SignName", "重庆基层治理").containsEntry("Action", "SendSms");
		assertThat(received.get("OutId")).startsWith("grassroots-");
		assertThat(params).containsEntry("ledgerNo", report.ledgerNo()).containsEntry("code", report.trackingCode())
			.containsEntry("link", "https://grassroots.example.cn/track");
		assertThat(params.get("stop")).startsWith("https://grassroots.example.cn/stop/");
		assertThat(jdbc(node).sql("select count(*) from outbox_message where params like :code")
			.param("code", "%" + report.trackingCode() + "%").query(Long.class).single())
			.as("the tracking code is not kept in clear").isZero();

		// staff: an assignment while the mail server is down, so the e-mail is tried again
		long assigned = steps.register("nanan.admin", Api.uniqueCode("assigned "));
		steps.ok("nanan.admin", assigned, "accept");
		steps.ok("nanan.admin", assigned, "assign", "unitId", steps.unitId(ProblemSteps.STREET));
		String ledgerNo = steps.problem("city.admin", assigned).path("ledgerNo").asString();
		assertThat(params(awaitSms(STAFF_PHONE, "SMS_ASSIGNED"))).containsEntry("ledgerNo", ledgerNo)
			.containsEntry("link", "https://grassroots.example.cn/problems/" + assigned);
		await().atMost(Duration.ofSeconds(20)).until(() -> attempts(node, "EMAIL", "PENDING") > 0);
		assertThat(lastError(node, "EMAIL")).contains("SMTP");
		GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		open.add(mail::stop);
		await().atMost(Duration.ofSeconds(30)).until(() -> mail.getReceivedMessages().length == 1);
		MimeMessage email = mail.getReceivedMessages()[0];
		assertThat(email.getAllRecipients()[0].toString()).isEqualTo("worker@huayuanlu.example.cn");
		assertThat(email.getSubject()).isEqualTo("[Assigned] " + ledgerNo + " " + steps.problem("city.admin", assigned)
			.path("title").asString());
		assertThat(email.getContent().toString()).contains("has been assigned to your unit",
				"https://grassroots.example.cn/problems/" + assigned);
		assertThat(state(node, "EMAIL")).isEqualTo("SENT");

		// the gateway down for two tries: the message goes on the third, once (the demo data's
		// reminders to rate, due seconds after the start here, are out of the way first)
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc(node).sql("select count(*) from outbox_message"
				+ " where state in ('PENDING', 'SENDING')").query(Long.class).single() == 0);
		sms.failNext(2);
		steps.ok("nanan.admin", report.id(), "accept");
		Map<String, String> accepted = awaitSms(RESIDENT_PHONE, "SMS_ACCEPTED");
		assertThat(jdbc(node).sql("select attempts from outbox_message where kind = 'PROBLEM_ACCEPTED'"
				+ " and problem_id = :id").param("id", report.id()).query(Integer.class).single()).isEqualTo(3);
		assertThat(params(accepted)).containsEntry("ledgerNo", report.ledgerNo());

		assertRefusalIsKeptAndSentAgainWithinReach(node, api, steps);
		assertRemindedToRateUnlessRatedFirst(node, api, steps);
		assertResidentStopsByReplyAndByLink(node, api, steps, report);
		assertTwoNodesAndADeadOneSendEachMessageOnce(node, mail);
	}

	/** The gateway refuses a number: failed at once with the reason, and only a system administrator in reach retries. */
	private void assertRefusalIsKeptAndSentAgainWithinReach(ConfigurableApplicationContext node, Api api,
			ProblemSteps steps) throws Exception {
		sms.refuse(STAFF_PHONE);
		long supervised = steps.register("nanan.admin", Api.uniqueCode("supervised "));
		steps.ok("nanan.admin", supervised, "accept");
		steps.ok("nanan.admin", supervised, "assign", "unitId", steps.unitId(ProblemSteps.STREET));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> api.get(api.token("nanan.sysadmin"), "/api/v1/outbox/messages?state=FAILED").json()
				.path("messages").size() == 1);
		JsonNode failed = api.get(api.token("nanan.sysadmin"), "/api/v1/outbox/messages?state=FAILED").json()
			.path("messages").get(0);
		assertThat(failed.path("lastError").asString()).contains("isv.MOBILE_NUMBER_ILLEGAL");
		assertThat(failed.path("recipient").asString()).isEqualTo("138****8001");
		assertThat(failed.path("attempts").asInt()).isOne();
		long id = failed.path("id").asLong();
		String retry = "/api/v1/outbox/messages/" + id + "/retry";
		String version = Api.json("version", failed.path("version").asInt());
		assertThat(api.get(api.token("yuzhong.sysadmin"), "/api/v1/outbox/messages?state=FAILED").json().path("messages")
			.size()).as("another district's system administrator sees none of it").isZero();
		assertThat(api.post(api.token("yuzhong.sysadmin"), retry, version).status()).isEqualTo(404);
		assertThat(api.get(api.token("nanan.admin"), "/api/v1/outbox/messages").status()).isEqualTo(403);
		assertFailedPage(node);
		sms.refuse("");
		Api.Reply retried = api.post(api.token("nanan.sysadmin"), retry, version);
		assertThat(retried.status()).as(retried.body()).isEqualTo(200);
		assertThat(api.post(api.token("nanan.sysadmin"), retry, version).status()).isEqualTo(409);
		await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(jdbc(node)
			.sql("select state from outbox_message where id = :id").param("id", id).query(String.class).single()));
		assertThat(jdbc(node).sql("select count(*) from audit_record where kind = 'MESSAGE_RETRIED'").query(Long.class)
			.single()).isOne();
	}

	/** The page names why in the reader's language, within reach only, and only for the system administrators. */
	private static void assertFailedPage(ConfigurableApplicationContext node) throws Exception {
		PageClient nanan = new PageClient(port(node));
		nanan.signIn("nanan.sysadmin", Api.DEMO_PASSWORD);
		String page = nanan.get("/outbox?state=FAILED").body();
		assertThat(page).contains("短信服务商拒绝发送：isv.MOBILE_NUMBER_ILLEGAL", "138****8001", "问题交办", "重新发送");
		PageClient yuzhong = new PageClient(port(node));
		yuzhong.signIn("yuzhong.sysadmin", Api.DEMO_PASSWORD);
		assertThat(yuzhong.get("/outbox?state=FAILED").body()).doesNotContain("138****8001").contains("没有这类消息");
		PageClient office = new PageClient(port(node));
		office.signIn("nanan.admin", Api.DEMO_PASSWORD);
		assertThat(office.get("/outbox").statusCode()).isEqualTo(403);
	}

	/**
	 * Closing writes a reminder to rate, due some time later (5 s here, three days by default): the
	 * resident who rated first never gets it, the one who did not does.
	 */
	private void assertRemindedToRateUnlessRatedFirst(ConfigurableApplicationContext node, Api api, ProblemSteps steps)
			throws Exception {
		String ratesFirst = "13600136001";
		String forgets = "13600136002";
		ProblemSteps.Report rated = closedReport(steps, ratesFirst);
		Api.Reply rating = api.post(null, "/api/v1/public/reports/" + rated.trackingCode() + "/evaluation",
				Api.json("rating", "SATISFIED"));
		assertThat(rating.status()).as(rating.body()).isEqualTo(200);
		ProblemSteps.Report unrated = closedReport(steps, forgets);

		Map<String, String> reminder = awaitSms(forgets, "SMS_RATE_REMINDER");
		assertThat(params(reminder)).containsEntry("ledgerNo", unrated.ledgerNo())
			.containsEntry("link", "https://grassroots.example.cn/track");
		Duration waited = jdbc(node).sql("select created_at, sent_at from outbox_message"
				+ " where kind = 'PROBLEM_RATE_REMINDER' and problem_id = :id").param("id", unrated.id())
			.query((rs, n) -> Duration.between(rs.getObject("created_at", OffsetDateTime.class),
					rs.getObject("sent_at", OffsetDateTime.class)))
			.single();
		assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
		assertThat(jdbc(node).sql("select state || ' ' || last_error from outbox_message"
				+ " where kind = 'PROBLEM_RATE_REMINDER' and problem_id = :id").param("id", rated.id()).query(String.class)
			.single()).isEqualTo("DROPPED withdrawn:");
		assertThat(sms.sent()).noneMatch(form -> ratesFirst.equals(form.get("PhoneNumbers"))
				&& "SMS_RATE_REMINDER".equals(form.get("TemplateCode")));
	}

	/** A resident's report with a phone, taken through to closing by the street. */
	private static ProblemSteps.Report closedReport(ProblemSteps steps, String phone) {
		ProblemSteps.Report report = steps.report(ProblemSteps.COMMUNITY, "PARKING", Api.uniqueCode("评价提醒 "), phone);
		steps.ok("nanan.admin", report.id(), "accept");
		steps.ok("nanan.admin", report.id(), "assign", "unitId", steps.unitId(ProblemSteps.STREET));
		steps.ok("huayuanlu.worker", report.id(), "plan", "measures", "paint the bays");
		steps.ok("huayuanlu.worker", report.id(), "submit", "evidence", "photos");
		steps.ok("nanan.admin", report.id(), "recognize");
		steps.ok("huayuanlu.worker", report.id(), "recognize");
		return report;
	}

	/** A reply of TD through the gateway's callback, and the stop link a message carries. */
	private void assertResidentStopsByReplyAndByLink(ConfigurableApplicationContext node, Api api, ProblemSteps steps,
			ProblemSteps.Report report) throws Exception {
		String reply = Api.json("phone_number", RESIDENT_PHONE, "content", "TD");
		assertThat(api.post(null, "/api/v1/public/sms-replies", reply).status()).isEqualTo(401);
		Api.Reply stopped = api.post(null, "/api/v1/public/sms-replies", reply, "X-Grassroots-Reply-Secret", "s3cret");
		assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
		assertThat(stopped.json().path("stopped").asInt()).isOne();
		steps.ok("nanan.admin", report.id(), "assign", "unitId", steps.unitId(ProblemSteps.STREET));
		steps.ok("huayuanlu.worker", report.id(), "plan", "measures", "paint the bays");
		steps.ok("huayuanlu.worker", report.id(), "submit", "evidence", "photos");
		steps.ok("nanan.admin", report.id(), "recognize");
		steps.ok("huayuanlu.worker", report.id(), "recognize");
		await().atMost(Duration.ofSeconds(20)).until(() -> "DROPPED".equals(jdbc(node).sql("select state from outbox_message"
				+ " where kind = 'PROBLEM_CLOSED' and problem_id = :id").param("id", report.id()).query(String.class).single()));
		assertThat(sms.sent()).noneMatch(form -> RESIDENT_PHONE.equals(form.get("PhoneNumbers"))
				&& "SMS_CLOSED".equals(form.get("TemplateCode")));

		String phone = "13700137000";
		Api.Reply other = api.post(null, "/api/v1/public/reports", Api.json("locationUnitId", steps.unitId(ProblemSteps.COMMUNITY),
				"categoryCode", "PARKING", "title", Api.uniqueCode("link "), "description", "d", "phone", phone,
				"discloseIdentity", false));
		assertThat(other.status()).as(other.body()).isEqualTo(201);
		String link = params(awaitSms(phone, "SMS_RECEIVED")).get("stop");
		String path = link.substring("https://grassroots.example.cn".length());
		PageClient pages = new PageClient(port(node));
		var ask = pages.get(path);
		assertThat(ask.statusCode()).isEqualTo(200);
		assertThat(ask.body()).contains("137****7000");
		assertThat(pages.submit(path, path, "").body()).contains("已停止向 137****7000 发送消息");
		assertThat(jdbc(node).sql("select count(*) from outbox_opt_out").query(Long.class).single()).isEqualTo(2);
		assertThat(pages.get("/stop/unknown-token").statusCode()).isEqualTo(404);
		assertThat(jdbc(node).sql("select count(*) from audit_record where kind = 'MESSAGES_STOPPED'").query(Long.class)
			.single()).isEqualTo(2);
	}

	/** Messages written while two nodes send, some held by a node that died: each goes exactly once. */
	private void assertTwoNodesAndADeadOneSendEachMessageOnce(ConfigurableApplicationContext a, GreenMail mail)
			throws Exception {
		ConfigurableApplicationContext b = node("b");
		int before = sms.sent().size();
		int mailsBefore = mail.getReceivedMessages().length;
		TransactionTemplate transaction = a.getBean(TransactionTemplate.class);
		Outbox outbox = a.getBean(Outbox.class);
		int count = 60;
		for (int i = 0; i < count; i++) {
			int n = i;
			transaction.executeWithoutResult(status -> {
				Map<String, String> params = new LinkedHashMap<>(Map.of("ledgerNo", "BULK-" + n));
				outbox.write(new OutgoingMessage("PROBLEM_ACCEPTED", Channel.SMS, "1390000" + String.format("%04d", n), null,
						Locale.SIMPLIFIED_CHINESE, params, "/500000/500108/", null, "bulk-" + n, false, false));
				outbox.write(new OutgoingMessage("PROBLEM_ACCEPTED", Channel.EMAIL, "bulk" + n + "@example.cn", null,
						Locale.SIMPLIFIED_CHINESE, params, "/500000/500108/", null, "bulk-" + n, false, false));
				// the same cause twice writes one message
				outbox.write(new OutgoingMessage("PROBLEM_ACCEPTED", Channel.SMS, "1390000" + String.format("%04d", n), null,
						Locale.SIMPLIFIED_CHINESE, params, "/500000/500108/", null, "bulk-" + n, false, false));
			});
			if (i == 10) {
				// a node that claimed some and died: its lease ran out
				jdbc(a).sql("""
						update outbox_message set state = 'SENDING', claim = 'dead-node', attempts = 1,
						  lease_until = :past where state = 'PENDING'
						""").param("past", java.time.OffsetDateTime.now().minusMinutes(1)).update();
			}
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> sms.sent().size() - before >= count
				&& mail.getReceivedMessages().length - mailsBefore >= count);
		Thread.sleep(1500);
		List<String> outIds = sms.sent().subList(before, sms.sent().size()).stream().map(form -> form.get("OutId")).toList();
		assertThat(outIds).hasSize(count).doesNotHaveDuplicates();
		List<String> mailIds = new ArrayList<>();
		MimeMessage[] all = mail.getReceivedMessages();
		for (int i = mailsBefore; i < all.length; i++) {
			mailIds.add(all[i].getHeader("X-Grassroots-Message")[0]);
		}
		assertThat(mailIds).hasSize(count).doesNotHaveDuplicates();
		assertThat(jdbc(a).sql("select count(*) from outbox_message where params like 'BULK%' or state <> 'SENT'"
				+ " and kind = 'PROBLEM_ACCEPTED' and problem_id is null").query(Long.class).single()).isZero();
	}

	private Map<String, String> awaitSms(String phone, String template) {
		await().atMost(Duration.ofSeconds(20)).until(() -> sms.sent().stream()
			.anyMatch(form -> phone.equals(form.get("PhoneNumbers")) && template.equals(form.get("TemplateCode"))));
		List<Map<String, String>> found = sms.sent().stream()
			.filter(form -> phone.equals(form.get("PhoneNumbers")) && template.equals(form.get("TemplateCode")))
			.toList();
		assertThat(found).as("sent once").hasSize(1);
		return found.get(0);
	}

	private static Map<String, String> params(Map<String, String> form) {
		Map<String, String> params = new HashMap<>();
		JsonMapper.builder().build().readTree(form.get("TemplateParam")).properties()
			.forEach(entry -> params.put(entry.getKey(), entry.getValue().asString()));
		return params;
	}

	private static int attempts(ConfigurableApplicationContext node, String channel, String state) {
		return jdbc(node).sql("select coalesce(max(attempts), 0) from outbox_message where channel = :channel and state = :state")
			.param("channel", channel)
			.param("state", state)
			.query(Integer.class)
			.single();
	}

	private static String lastError(ConfigurableApplicationContext node, String channel) {
		return jdbc(node).sql("select last_error from outbox_message where channel = :channel order by id desc"
				+ " fetch first 1 rows only").param("channel", channel).query(String.class).single();
	}

	/** The state of the newest message of a channel or a kind. */
	private static String state(ConfigurableApplicationContext node, String channelOrKind) {
		return jdbc(node).sql("select state from outbox_message where channel = :v or kind = :v order by id desc"
				+ " fetch first 1 rows only").param("v", channelOrKind).query(String.class).single();
	}

	private ConfigurableApplicationContext node(String name) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database,
				"--grassroots.data-dir=" + dataDir + "/" + name, "--grassroots.crypto.rekey-first=P1D",
				"--grassroots.field-key=b3V0Ym94LXRlc3QtZmllbGQta2V5LTMyLWJ5dGVzISE=", "--spring.main.banner-mode=off",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--grassroots.outbox.sms.url=" + sms.url(),
				"--grassroots.outbox.sms.sign-name=重庆基层治理", "--grassroots.outbox.sms.reply-secret=s3cret",
				"--grassroots.outbox.poll=PT0.2S", "--grassroots.outbox.max-attempts=40", "--grassroots.outbox.first-retry=PT0.5S",
				"--grassroots.outbox.last-retry=PT1S", "--grassroots.outbox.quiet-from=", "--grassroots.outbox.quiet-until=",
				"--grassroots.outbox.public-url=https://grassroots.example.cn/",
				"--grassroots.problems.rate-reminder-after=PT5S"));
		for (String kind : List.of("RECEIVED", "ACCEPTED", "CLOSED", "RATE_REMINDER", "ASSIGNED", "RETURNED", "DEADLINE_SOON", "SUPERVISED")) {
			args.add("--grassroots.outbox.sms.templates.PROBLEM_" + kind + "=SMS_" + kind);
		}
		ConfigurableApplicationContext node = new SpringApplicationBuilder(GrassrootsApplication.class)
			.run(args.toArray(String[]::new));
		open.add(node::close);
		return node;
	}

	private static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port"));
	}

	private static JdbcClient jdbc(ConfigurableApplicationContext node) {
		return node.getBean(JdbcClient.class);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
