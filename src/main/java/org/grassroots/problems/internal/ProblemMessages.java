package org.grassroots.problems.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grassroots.outbox.Channel;
import org.grassroots.outbox.Outbox;
import org.grassroots.outbox.OutgoingMessage;
import org.grassroots.people.MessageContacts;
import org.grassroots.problems.Problem;
import org.grassroots.shared.FieldCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SMS and e-mail a problem's steps send (docs/outbox.md), written to the outbox in the step's
 * transaction: to the staff of the units a notice asks to act (assigned, returned, deadline soon,
 * supervised, summoned), and to the resident who reported with a phone number (received, with
 * their tracking code; accepted; closed, asking them to rate; and a reminder to rate some days
 * later, withdrawn when they rate first).
 */
@Component
public class ProblemMessages {

	/** The notices that also go out as messages, and the message kind each becomes. */
	private static final Map<String, String> STAFF_KINDS = Map.of("ASSIGNED", "PROBLEM_ASSIGNED", "RETURNED",
			"PROBLEM_RETURNED", "DEADLINE_SOON", "PROBLEM_DEADLINE_SOON", "SUPERVISED", "PROBLEM_SUPERVISED");

	private static final int TITLE_IN_MESSAGE = 20;

	private static final String RATE_REMINDER = "PROBLEM_RATE_REMINDER";

	private final Outbox outbox;

	private final MessageContacts contacts;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final Duration rateReminderAfter;

	ProblemMessages(Outbox outbox, MessageContacts contacts, JdbcClient jdbc, FieldCipher cipher,
			@Value("${grassroots.problems.rate-reminder-after:P3D}") Duration rateReminderAfter) {
		this.outbox = outbox;
		this.contacts = contacts;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.rateReminderAfter = rateReminderAfter;
	}

	/** Messages for a notice to units, when its kind is one that goes out; {@code cause} as the notice's key. */
	public void toStaff(String noticeKind, Problem problem, List<String> unitPaths, String cause) {
		String kind = STAFF_KINDS.get(noticeKind);
		if (kind != null) {
			toUnits(kind, problem, unitPaths, cause, false);
		}
	}

	/** A summons to departments; an emergency one is sent in quiet hours too. */
	public void summoned(Problem problem, List<String> unitPaths, long summonsId, boolean emergency) {
		toUnits(emergency ? "SUMMONED_EMERGENCY" : "SUMMONED", problem, unitPaths, "summons-" + summonsId, emergency);
	}

	/**
	 * A message to the resident who reported with a phone number; {@code trackingCode} only with the
	 * first, as it is shown once and kept only as its hash.
	 */
	public void toReporter(String kind, Problem problem, @Nullable String trackingCode) {
		toReporter(kind, problem, trackingCode, Duration.ZERO);
	}

	/** The closing message, and the reminder to rate that goes some days later unless they rate first. */
	public void closedToReporter(Problem problem) {
		toReporter("PROBLEM_CLOSED", problem, null, Duration.ZERO);
		if (!rateReminderAfter.isZero()) {
			toReporter(RATE_REMINDER, problem, null, rateReminderAfter);
		}
	}

	/** The resident rated: a reminder still waiting is not sent. */
	public void rated(Problem problem) {
		if (outbox.sends(Channel.SMS)) {
			outbox.withdraw(problem.id(), RATE_REMINDER);
		}
	}

	private void toReporter(String kind, Problem problem, @Nullable String trackingCode, Duration delay) {
		if (!outbox.sends(Channel.SMS)) {
			return;
		}
		Reporter reporter = reporter(problem.id());
		if (reporter == null) {
			return;
		}
		Map<String, String> params = new LinkedHashMap<>();
		params.put("ledgerNo", problem.ledgerNo());
		if (trackingCode != null) {
			params.put("code", trackingCode);
		}
		params.put("link", outbox.link("/track"));
		outbox.write(new OutgoingMessage(kind, Channel.SMS, reporter.phone(), null, reporter.locale(), params,
				problem.handlingUnitPath(),
				problem.id(), "problem:" + problem.id() + ":v" + problem.version(), false, true, delay));
	}

	private void toUnits(String kind, Problem problem, List<String> unitPaths, String cause, boolean emergency) {
		if (!outbox.sends(Channel.SMS) && !outbox.sends(Channel.EMAIL)) {
			return;
		}
		for (String unitPath : unitPaths) {
			for (MessageContacts.Contact contact : contacts.staffOf(unitPath)) {
				Map<String, String> params = new LinkedHashMap<>();
				params.put("ledgerNo", problem.ledgerNo());
				params.put("title", shortTitle(problem.title()));
				params.put("link", outbox.link("/problems/" + problem.id()));
				String key = "problem:" + problem.id() + ":" + cause + "@" + unitPath;
				if (contact.phone() != null) {
					outbox.write(new OutgoingMessage(kind, Channel.SMS, contact.phone(), contact.accountId(), contact.locale(),
							params, unitPath, problem.id(), key, emergency, false));
				}
				if (contact.email() != null) {
					outbox.write(new OutgoingMessage(kind, Channel.EMAIL, contact.email(), contact.accountId(),
							contact.locale(), params, unitPath, problem.id(), key, emergency, false));
				}
			}
		}
	}

	private record Reporter(String phone, Locale locale) {

	}

	/** The phone a resident reported with, and the language of the page they reported on. */
	private @Nullable Reporter reporter(long problemId) {
		return jdbc.sql("select reporter_phone_cipher, reporter_language from problem where id = :id"
				+ " and reporter_phone_cipher is not null")
			.param("id", problemId)
			.query((rs, n) -> new Reporter(cipher.decrypt(rs.getString("reporter_phone_cipher")),
					Locale.forLanguageTag(rs.getString("reporter_language") == null ? "zh" : rs.getString("reporter_language"))))
			.optional()
			.orElse(null);
	}

	private static String shortTitle(String title) {
		return title.length() <= TITLE_IN_MESSAGE ? title : title.substring(0, TITLE_IN_MESSAGE) + "…";
	}

}
