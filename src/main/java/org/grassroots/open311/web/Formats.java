package org.grassroots.open311.web;

import java.util.List;
import java.util.Map;

import org.grassroots.shared.DomainException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The two GeoReport formats, chosen by the path's suffix in any case ({@code .json}, {@code .JSON}),
 * with their content types.
 */
final class Formats {

	static final String JSON = "application/json; charset=utf-8";

	static final String XML = "text/xml; charset=utf-8";

	/** The first moment a GET of requests or updates covered: Open311 has no field for it. */
	static final String START_HEADER = "Open311-Start-Date";

	/** The last moment a GET of requests or updates covered. */
	static final String END_HEADER = "Open311-End-Date";

	private Formats() {
	}

	static void check(String format) {
		if (!format.equalsIgnoreCase("json") && !format.equalsIgnoreCase("xml")) {
			throw DomainException.invalid("open311.error.format", format);
		}
	}

	static ResponseEntity<String> ok(String format, Document document) {
		return respond(HttpStatus.OK, format, document);
	}

	static ResponseEntity<String> respond(HttpStatusCode status, String format, Document document) {
		check(format);
		boolean xml = format.equalsIgnoreCase("xml");
		return ResponseEntity.status(status)
			.header(HttpHeaders.CONTENT_TYPE, xml ? XML : JSON)
			.body(xml ? document.xml() : document.json());
	}

	/** A body made earlier in {@code format} (an Idempotency-Key replay answers the first one). */
	static ResponseEntity<String> respond(HttpStatusCode status, String format, String body) {
		boolean xml = format.equalsIgnoreCase("xml");
		return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, xml ? XML : JSON).body(body);
	}

	/** An errors body in the format the path asked for; JSON when it named none we serve. */
	static ResponseEntity<String> error(HttpStatusCode status, String description, HttpServletRequest request) {
		String format = xml(request.getRequestURI()) ? "xml" : "json";
		Map<String, Object> error = GeoReportController.fields("code", status.value(), "description", description);
		return respond(status, format, new Document("errors", new Document.Items("error", List.of(error))));
	}

	/** Whether a path asks for XML; anything else is answered in JSON. */
	static boolean xml(String path) {
		return path.regionMatches(true, path.length() - 4, ".xml", 0, 4);
	}

}
