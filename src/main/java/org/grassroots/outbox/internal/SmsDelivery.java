package org.grassroots.outbox.internal;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.outbox.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through an HTTP gateway in the request shape of one of the common Chinese providers
 * (docs/outbox.md): a registered signature, a registered template code per message kind and the
 * template's parameters, never free text, as those providers require.
 * <ul>
 * <li>{@code ALIYUN}: a form post of {@code Action=SendSms}, {@code PhoneNumbers},
 * {@code SignName}, {@code TemplateCode}, {@code TemplateParam} (a JSON object by name) and
 * {@code OutId}; the answer's {@code Code} is {@code OK} and {@code BizId} names the message.</li>
 * <li>{@code TENCENT}: a JSON post with {@code X-TC-Action: SendSms} of {@code PhoneNumberSet},
 * {@code SmsSdkAppId}, {@code SignName}, {@code TemplateId}, {@code TemplateParamSet} (the values
 * in order) and {@code SessionContext}; each {@code SendStatusSet} entry's {@code Code} is
 * {@code Ok} and {@code SerialNo} names it.</li>
 * </ul>
 * The providers' own request signing is left to the gateway in front of them (docs/outbox.md).
 */
class SmsDelivery implements Delivery {

	/** Aliyun's and Tencent's answers that mean "too many now", worth trying again later. */
	private static final List<String> BUSY = List.of("isv.BUSINESS_LIMIT_CONTROL", "Throttling.User",
			"LimitExceeded.PhoneNumberDailyLimit", "LimitExceeded.PhoneNumberThirtySecondLimit", "RequestLimitExceeded",
			"InternalError", "ServiceUnavailable");

	private final OutboxSettings.Sms settings;

	private final RestClient http;

	private final JsonMapper json;

	SmsDelivery(OutboxSettings.Sms settings, JsonMapper json) {
		this.settings = settings;
		this.json = json;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
		requests.setReadTimeout(settings.timeout());
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public @Nullable String send(Outgoing message) throws DeliveryFailed {
		String template = settings.template(message.kind());
		if (template == null || template.isBlank()) {
			throw new DeliveryFailed("no-template: " + message.kind(), true);
		}
		String answer = post(message, template);
		return "TENCENT".equalsIgnoreCase(settings.provider()) ? tencentAnswer(answer) : aliyunAnswer(answer);
	}

	private String post(Outgoing message, String template) throws DeliveryFailed {
		try {
			RestClient.RequestBodySpec request = http.post().uri(settings.url());
			if (!settings.authorization().isBlank()) {
				request.header(HttpHeaders.AUTHORIZATION, settings.authorization());
			}
			String body = "TENCENT".equalsIgnoreCase(settings.provider())
					? request.header("X-TC-Action", "SendSms")
						.contentType(MediaType.APPLICATION_JSON)
						.body(json.writeValueAsString(tencent(message, template)))
						.retrieve()
						.body(String.class)
					: request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
						.body(aliyun(message, template))
						.retrieve()
						.body(String.class);
			return body == null ? "" : body;
		}
		catch (HttpServerErrorException ex) {
			throw new DeliveryFailed("gateway-status: " + ex.getStatusCode().value(), false, ex);
		}
		catch (HttpClientErrorException ex) {
			boolean busy = ex.getStatusCode().value() == 429;
			throw new DeliveryFailed("gateway-status: " + ex.getStatusCode().value() + " "
					+ ex.getResponseBodyAsString(), !busy, ex);
		}
		catch (RestClientException ex) {
			throw new DeliveryFailed("gateway-unreachable: " + ex.getMessage(), false, ex);
		}
	}

	private MultiValueMap<String, String> aliyun(Outgoing message, String template) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("Action", "SendSms");
		form.add("PhoneNumbers", message.address());
		form.add("SignName", settings.signName());
		form.add("TemplateCode", template);
		form.add("TemplateParam", json.writeValueAsString(message.params()));
		form.add("OutId", "grassroots-" + message.id());
		return form;
	}

	private Map<String, Object> tencent(Outgoing message, String template) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("PhoneNumberSet", List.of(message.address().startsWith("+") ? message.address() : "+86" + message.address()));
		body.put("SmsSdkAppId", settings.appId());
		body.put("SignName", settings.signName());
		body.put("TemplateId", template);
		body.put("TemplateParamSet", List.copyOf(message.params().values()));
		body.put("SessionContext", "grassroots-" + message.id());
		return body;
	}

	private String aliyunAnswer(String answer) throws DeliveryFailed {
		JsonNode node = parse(answer);
		String code = node.path("Code").asString("");
		if ("OK".equals(code)) {
			return node.path("BizId").asString("");
		}
		throw new DeliveryFailed("gateway-refused: " + code + " " + node.path("Message").asString(""), !BUSY.contains(code));
	}

	private String tencentAnswer(String answer) throws DeliveryFailed {
		JsonNode response = parse(answer).path("Response");
		JsonNode error = response.path("Error");
		if (!error.isMissingNode()) {
			String code = error.path("Code").asString("");
			throw new DeliveryFailed("gateway-refused: " + code + " " + error.path("Message").asString(""),
					!BUSY.contains(code));
		}
		JsonNode status = response.path("SendStatusSet").path(0);
		String code = status.path("Code").asString("");
		if ("Ok".equalsIgnoreCase(code)) {
			return status.path("SerialNo").asString("");
		}
		throw new DeliveryFailed("gateway-refused: " + code + " " + status.path("Message").asString(""), !BUSY.contains(code));
	}

	private JsonNode parse(String answer) throws DeliveryFailed {
		try {
			return json.readTree(answer);
		}
		catch (RuntimeException ex) {
			throw new DeliveryFailed("gateway-unreadable: " + answer, false, ex);
		}
	}

}
