package org.grassroots.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 from a chosen loopback source address (127.0.0.2 and up), so a test can be a client
 * of its own for per-address limits while the rest of the suite calls from 127.0.0.1. Java 17's
 * HttpClient cannot bind a local address, hence a plain socket.
 */
public final class FromAddress {

	private final String source;

	private final int port;

	public FromAddress(String source, int port) {
		this.source = source;
		this.port = port;
	}

	/** A fresh address in 127.0.0.0/8 that no other test uses. */
	public static String unique() {
		long n = java.util.concurrent.ThreadLocalRandom.current().nextLong(1 << 16, 1 << 24);
		return "127." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + Math.max(2, n & 255);
	}

	public record Reply(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	public Reply postJson(String path, String json) {
		return send("POST", path, "application/json", json);
	}

	public Reply send(String method, String path, String contentType, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		String head = method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept-Language: en\r\n"
				+ "Content-Type: " + contentType + "\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return parse(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Reply parse(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		String text = all.toString(StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, end).split("\r\n");
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
		}
		String body = text.substring(end + 4);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
	}

	private static String unchunk(String body) {
		StringBuilder result = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = body.indexOf("\r\n", at);
			int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
			if (size == 0) {
				return result.toString();
			}
			// sizes count bytes; the bodies here are ASCII JSON
			result.append(body, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

}
