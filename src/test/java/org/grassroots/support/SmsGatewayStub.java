package org.grassroots.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on the loopback standing in for an SMS gateway with Aliyun's request shape:
 * it keeps every form it is sent and answers {@code {"Code":"OK","BizId":…}}, or 503 while told to
 * fail, or Aliyun's refusal for one phone number.
 */
public final class SmsGatewayStub implements AutoCloseable {

	private final HttpServer server;

	private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failNext = new AtomicInteger();

	private volatile String refusedPhone = "";

	public SmsGatewayStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/sms", this::answer);
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
	}

	/** The forms received that were answered OK, in order. */
	public List<Map<String, String>> sent() {
		return new ArrayList<>(received);
	}

	/** The next {@code count} requests get 503, as from a gateway that is down. */
	public void failNext(int count) {
		failNext.set(count);
	}

	/** Requests for this phone get Aliyun's answer for a number it will not send to. */
	public void refuse(String phone) {
		refusedPhone = phone;
	}

	private void answer(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String body;
		int status = 200;
		if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			status = 503;
			body = "down";
		}
		else if (refusedPhone.equals(form.get("PhoneNumbers"))) {
			body = "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"invalid mobile number\"}";
		}
		else {
			received.add(form);
			body = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"biz-" + received.size() + "\"}";
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
