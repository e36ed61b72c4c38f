package org.grassroots.outbox.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox delivers (application.yml, docs/outbox.md).
 *
 * @param poll how often each node looks for due messages
 * @param batch messages claimed at a time
 * @param lease how long a claim holds; a node that died holding one is taken over after it
 * @param maxAttempts attempts before a message is marked failed
 * @param firstRetry the wait after the first failure, doubled after each
 * @param lastRetry the longest wait
 * @param quietFrom start of quiet hours in Asia/Shanghai, or null for none
 * @param quietUntil end of quiet hours
 * @param publicUrl the address residents open links at, e.g. https://grassroots.cq.gov.cn
 */
@ConfigurationProperties("grassroots.outbox")
public record OutboxSettings(@DefaultValue("PT2S") Duration poll, @DefaultValue("20") int batch,
		@DefaultValue("PT2M") Duration lease, @DefaultValue("8") int maxAttempts,
		@DefaultValue("PT30S") Duration firstRetry, @DefaultValue("PT1H") Duration lastRetry,
		@Nullable LocalTime quietFrom, @Nullable LocalTime quietUntil, @DefaultValue("http://localhost:8080") String publicUrl,
		@DefaultValue Mail mail, @DefaultValue Sms sms) {

	/** @param from the sender's address; e-mail is on when Spring's {@code spring.mail.host} is set */
	public record Mail(@DefaultValue("") String from) {

	}

	/**
	 * @param url the gateway's send address; SMS is on when it is set
	 * @param provider the request shape: {@code ALIYUN} or {@code TENCENT}
	 * @param signName the registered signature (签名)
	 * @param appId Tencent's SmsSdkAppId
	 * @param authorization the Authorization header the gateway wants, if any
	 * @param replySecret what the gateway's reply callback sends in {@code X-Grassroots-Reply-Secret}
	 * @param templates the registered template code of each message kind
	 */
	public record Sms(@DefaultValue("") String url, @DefaultValue("ALIYUN") String provider,
			@DefaultValue("") String signName, @DefaultValue("") String appId, @DefaultValue("") String authorization,
			@DefaultValue("") String replySecret, @DefaultValue("PT10S") Duration timeout,
			@Nullable Map<String, String> templates) {

		public Sms {
			templates = templates == null ? Map.of() : normalized(templates);
		}

		public boolean enabled() {
			return !url.isBlank();
		}

		public @Nullable String template(String kind) {
			return templates.get(kind);
		}

		/**
		 * Keys as the kinds are named: an environment variable
		 * ({@code GRASSROOTS_OUTBOX_SMS_TEMPLATES_PROBLEM_RECEIVED}) binds as {@code problem.received}.
		 */
		private static Map<String, String> normalized(Map<String, String> templates) {
			Map<String, String> byKind = new java.util.HashMap<>();
			templates.forEach((key, code) -> byKind.put(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_')
				.replace('-', '_'), code));
			return Map.copyOf(byKind);
		}

	}

}
