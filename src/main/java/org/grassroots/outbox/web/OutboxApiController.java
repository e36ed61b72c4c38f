package org.grassroots.outbox.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import org.grassroots.outbox.OptOuts;
import org.grassroots.outbox.OutboxAdministration;
import org.grassroots.outbox.OutboxAdministration.MessageView;
import org.grassroots.outbox.internal.OutboxSettings;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** The outbox for system administrators, and the SMS gateway's reply callback (docs/outbox.md). */
@RestController
@Tag(name = "Outbox", description = "SMS and e-mail to people: what failed and why, sending again, replies that stop messages")
class OutboxApiController {

	private final OutboxAdministration administration;

	private final OptOuts optOuts;

	private final OutboxSettings settings;

	OutboxApiController(OutboxAdministration administration, OptOuts optOuts, OutboxSettings settings) {
		this.administration = administration;
		this.optOuts = optOuts;
		this.settings = settings;
	}

	record Version(int version) {

	}

	@GetMapping("/api/v1/outbox/messages")
	@Operation(summary = "The newest 200 messages within the system administrator's reach, of one state or all",
			description = "state: PENDING, SENDING, SENT, FAILED or DROPPED. Recipients are masked; contents are not shown.")
	Map<String, Object> messages(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String state) {
		List<MessageView> found = administration.messages(user, state);
		return Map.of("counts", administration.counts(user), "messages", found);
	}

	@PostMapping("/api/v1/outbox/messages/{id}/retry")
	@Operation(summary = "Send a failed message again from its first attempt",
			description = "Body {\"version\": n}. 409 unless the message failed or when it changed meanwhile; audited MESSAGE_RETRIED.")
	MessageView retry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Version body) {
		return administration.retry(user, id, body.version());
	}

	/**
	 * Replies to our SMS, as the gateway forwards them: one object or a list, with the phone in
	 * {@code phone_number} (Aliyun), {@code mobile} (Tencent) or {@code phone}, the text in
	 * {@code content} or {@code text}. Only a reply that says stop is kept, as an opt-out.
	 */
	@PostMapping("/api/v1/public/sms-replies")
	@Operation(summary = "The SMS gateway's reply callback: 退订, TD, T, N or STOP stops messages to that phone",
			description = "Needs the shared secret in X-Grassroots-Reply-Secret (grassroots.outbox.sms.reply-secret); "
					+ "404 when none is configured, 401 when it does not match. Answers {\"code\":0} as gateways expect.")
	ResponseEntity<Map<String, Object>> replies(@RequestHeader(name = "X-Grassroots-Reply-Secret", required = false)
	@Nullable String secret, @RequestBody JsonNode body) {
		String expected = settings.sms().replySecret();
		if (expected.isBlank()) {
			throw new NotFoundException("SMS reply callback", "");
		}
		if (secret == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				secret.getBytes(StandardCharsets.UTF_8))) {
			throw new DomainException(HttpStatus.UNAUTHORIZED, "error.401.text");
		}
		int stopped = 0;
		for (JsonNode reply : body.isArray() ? body : List.of(body)) {
			String phone = first(reply, "phone_number", "mobile", "phone");
			String text = first(reply, "content", "text");
			if (!phone.isBlank() && optOuts.reply(phone, text)) {
				stopped++;
			}
		}
		return ResponseEntity.ok(Map.of("code", 0, "msg", "成功", "stopped", stopped));
	}

	private static String first(JsonNode node, String... names) {
		for (String name : names) {
			if (node.hasNonNull(name)) {
				return node.get(name).asString("");
			}
		}
		return "";
	}

}
