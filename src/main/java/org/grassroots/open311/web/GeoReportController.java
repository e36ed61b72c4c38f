package org.grassroots.open311.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.open311.DateWindow;
import org.grassroots.open311.GeoReport;
import org.grassroots.open311.ServiceAttribute;
import org.grassroots.open311.UpdateStatus;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemAction;
import org.grassroots.problems.ProblemState;
import org.grassroots.problems.ProblemViews;
import org.grassroots.problems.PublicRequest;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Idempotency;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Times;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.Unit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The GeoReport v2 endpoints. Every response comes as {@code .json} or {@code .xml}; errors are
 * an {@code errors} list of code and description in the same format.
 */
@Controller
@Hidden
@RequestMapping("/open311/v2")
class GeoReportController {

	private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)\\](\\[\\])?");

	private static final java.time.format.DateTimeFormatter DATETIME = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	private final GeoReport geoReport;

	private final ProblemViews views;

	private final Messages messages;

	private final String contact;

	private final String changeset;

	private final Idempotency idempotency;

	GeoReportController(GeoReport geoReport, ProblemViews views, Messages messages, Idempotency idempotency,
			@Value("${grassroots.open311.contact:市委主题教育办 open311@example.gov.cn}") String contact,
			@Value("${grassroots.open311.changeset:2026-11-25T00:00:00+08:00}") String changeset) {
		this.geoReport = geoReport;
		this.views = views;
		this.messages = messages;
		this.contact = contact;
		this.changeset = changeset;
		this.idempotency = idempotency;
	}

	@GetMapping("/discovery.{format}")
	ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
		String base = request.getRequestURL().toString().replaceFirst("/discovery\\.[a-z]+$", "");
		Map<String, Object> endpoint = fields("specification", SPECIFICATION, "url", base, "changeset", changeset, "type",
				"production", "formats", new Document.Items("format", List.of("text/xml", "application/json")));
		return Formats.ok(format, new Document("discovery", fields("changeset", changeset, "contact", contact,
				"key_service", messages.text("open311.key-service", base.replace("/open311/v2", "/open311/keys")),
				"endpoints", new Document.Items("endpoint", List.of(endpoint)))));
	}

	@GetMapping("/services.{format}")
	ResponseEntity<String> services(@PathVariable String format) {
		List<Map<String, Object>> services = geoReport.services(english())
			.stream()
			.map(service -> fields("service_code", service.code(), "service_name", service.name(), "description",
					service.description(), "metadata", service.metadata(), "type", "realtime", "keywords", service.keywords(),
					"group", service.group()))
			.toList();
		return Formats.ok(format, new Document("services", new Document.Items("service", services)));
	}

	@GetMapping("/services/{code}.{format}")
	ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format) {
		List<Map<String, Object>> attributes = geoReport.definition(code, english())
			.stream()
			.map(GeoReportController::attribute)
			.toList();
		return Formats.ok(format, new Document("service_definition",
				fields("service_code", code, "attributes", new Document.Items("attribute", attributes))));
	}

	@PostMapping("/requests.{format}")
	ResponseEntity<String> create(@PathVariable String format,
			@RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey, HttpServletRequest request) {
		Formats.check(format);
		String apiKey = request.getParameter("api_key");
		String scope = "open311.requests:key:" + (apiKey == null ? "" : idempotency.digest(apiKey));
		String body = idempotency.once(idempotencyKey, scope, format + "?" + parametersBut("api_key", request),
				String.class, () -> created(format, apiKey, request));
		return Formats.respond(HttpStatus.CREATED, format, body);
	}

	private String created(String format, String apiKey, HttpServletRequest request) {
		var created = geoReport.submit(apiKey, new GeoReport.Submission(request.getParameter("service_code"),
				request.getParameter("lat"), request.getParameter("long"), request.getParameter("address_string"),
				request.getParameter("address_id"), request.getParameter("description"), request.getParameter("phone"),
				mediaUrls(request), attributes(request)));
		Map<String, Object> body = fields("service_request_id", created.serviceRequestId(), "service_notice",
				notice(created.notices()), "account_id", null);
		return Formats.respond(HttpStatus.CREATED, format,
				new Document("service_requests", new Document.Items("request", List.of(body))))
			.getBody();
	}

	/** The request's parameters in a stable order, to tell a retry from a different request. */
	private static String parametersBut(String left, HttpServletRequest request) {
		Map<String, List<String>> sorted = new TreeMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals(left)) {
				sorted.put(name, List.of(values));
			}
		});
		return sorted.toString();
	}

	@GetMapping("/requests.{format}")
	ResponseEntity<String> requests(@PathVariable String format,
			@RequestParam(name = "service_request_id", required = false) String ids,
			@RequestParam(name = "service_code", required = false) String serviceCodes,
			@RequestParam(name = "start_date", required = false) String startDate,
			@RequestParam(name = "end_date", required = false) String endDate,
			@RequestParam(required = false) String status, @RequestParam(required = false) String page,
			@RequestParam(name = "page_size", required = false) String pageSize) {
		Formats.check(format);
		GeoReport.Found found = geoReport.requests(new GeoReport.Search(ids, serviceCodes, startDate, endDate, status,
				page, pageSize));
		return windowed(Formats.ok(format, requestsDocument(found.requests())), found.window());
	}

	@GetMapping("/requests/{id}.{format}")
	ResponseEntity<String> request(@PathVariable String id, @PathVariable String format) {
		Formats.check(format);
		return Formats.ok(format, requestsDocument(List.of(geoReport.request(id))));
	}

	/** Requests are created at once, so no token ever stands for one: every token is unknown. */
	@GetMapping("/tokens/{token}.{format}")
	ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
		Formats.check(format);
		throw new NotFoundException("token", token);
	}

	@GetMapping("/servicerequestupdates.{format}")
	ResponseEntity<String> updates(@PathVariable String format,
			@RequestParam(name = "start_date", required = false) String startDate,
			@RequestParam(name = "end_date", required = false) String endDate) {
		Formats.check(format);
		List<Map<String, Object>> updates = new ArrayList<>();
		GeoReport.Updates found = geoReport.updates(startDate, endDate);
		for (var update : found.steps()) {
			ProblemViews.PublicStep step = update.getValue();
			updates.add(fields("update_id", String.valueOf(step.id()), "service_request_id", update.getKey(), "status",
					UpdateStatus.of(step.state(), step.duplicate()).name(), "updated_datetime", datetime(step.at()),
					"description", note(step), "media_url", null));
		}
		return windowed(Formats.ok(format,
				new Document("service_request_updates", new Document.Items("request_update", updates))), found.window());
	}

	/**
	 * mySociety's extension as FixMyStreet posts it: a resident's comment on a request. Names,
	 * e-mail, the client's own update id and the status it proposes are not kept.
	 */
	@PostMapping("/servicerequestupdates.{format}")
	ResponseEntity<String> comment(@PathVariable String format, HttpServletRequest request) {
		Formats.check(format);
		long updateId = geoReport.comment(request.getParameter("api_key"), new GeoReport.Comment(
				request.getParameter("service_request_id"), request.getParameter("description"),
				request.getParameter("media_url")));
		return Formats.ok(format, new Document("service_request_updates",
				new Document.Items("request_update", List.of(fields("update_id", String.valueOf(updateId))))));
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<String> refused(DomainException ex, HttpServletRequest request) {
		return Formats.error(ex.status(), messages.text(ex), request);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<String> notFound(NotFoundException ex, HttpServletRequest request) {
		return Formats.error(HttpStatus.NOT_FOUND, messages.text("open311.error.not-found"), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> failed(Exception ex, HttpServletRequest request) {
		return Formats.error(HttpStatus.BAD_REQUEST, messages.text("error.invalid-input"), request);
	}

	private Document requestsDocument(List<PublicRequest> found) {
		List<Long> unitIds = new ArrayList<>();
		found.forEach(request -> {
			unitIds.add(request.problem().holderUnitId());
			if (request.problem().locationUnitId() != null) {
				unitIds.add(request.problem().locationUnitId());
			}
		});
		Map<Long, Unit> units = views.unitsOfIds(unitIds);
		List<Map<String, Object>> items = found.stream().map(request -> request(request, units)).toList();
		return new Document("service_requests", new Document.Items("request", items));
	}

	/** The place only as precise as residents are told: the community's name and a point rounded to about 100 m. */
	private Map<String, Object> request(PublicRequest request, Map<Long, Unit> units) {
		Problem problem = request.problem();
		Unit agency = units.get(problem.holderUnitId());
		Unit place = problem.locationUnitId() == null ? null : units.get(problem.locationUnitId());
		List<String> media = request.attributes().getOrDefault("media_url", List.of());
		return fields("service_request_id", problem.ledgerNo(), "status", request.closed() ? "closed" : "open",
				"status_notes", statusNotes(request), "service_name",
				messages.text("category." + problem.categoryCode()), "service_code", problem.categoryCode(), "description",
				problem.description(), "agency_responsible", agency == null ? null : agency.name(english() ? "en" : "zh"),
				"service_notice", null, "requested_datetime", datetime(problem.createdAt()), "updated_datetime",
				datetime(problem.closedAt() != null ? problem.closedAt() : problem.updatedAt()), "expected_datetime",
				problem.deadline() == null ? null : datetime(problem.deadline()), "address",
				place == null ? null : place.name(english() ? "en" : "zh"), "address_id", place == null ? null : place.code(),
				"zipcode", null, "lat", request.publicLatitude(), "long", request.publicLongitude(),
				"media_url", media.isEmpty() ? null : media.get(0));
	}

	/** A declined request says why, so that a client does not take its {@code closed} for fixed. */
	private @Nullable String statusNotes(PublicRequest request) {
		Problem problem = request.problem();
		if (problem.state() == ProblemState.DECLINED) {
			String reason = problem.declineReason() == null ? "" : problem.declineReason();
			return problem.duplicateOf() != null
					? messages.text("open311.status-notes.duplicate", reason.replaceFirst("^DUPLICATE ", ""))
					: messages.text("open311.status-notes.declined", reason);
		}
		return request.latest() == null ? null : note(request.latest());
	}

	/** States the span searched, which Open311 has no field for: the first and last moment included. */
	private static ResponseEntity<String> windowed(ResponseEntity<String> response, @Nullable DateWindow window) {
		if (window == null) {
			return response;
		}
		return ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.header(Formats.START_HEADER, datetime(window.start()))
			.header(Formats.END_HEADER, datetime(window.end()))
			.body(response.getBody());
	}

	private String note(ProblemViews.PublicStep step) {
		if (step.action() == ProblemAction.DECLINE) {
			String reason = step.reason() == null ? "" : step.reason();
			return step.duplicate() ? messages.text("open311.status-notes.duplicate", reason)
					: messages.text("open311.status-notes.declined", reason);
		}
		String label = messages.text("action." + step.action());
		return step.reason() == null ? label : label + ": " + step.reason();
	}

	private static Map<String, Object> attribute(ServiceAttribute attribute) {
		List<Map<String, Object>> values = attribute.values()
			.stream()
			.map(value -> fields("key", value.key(), "name", value.name()))
			.toList();
		return fields("variable", true, "code", attribute.code(), "datatype", attribute.datatype(), "required",
				attribute.required(), "datatype_description", attribute.isList() ? null : attribute.datatype(), "order",
				attribute.order(), "description", attribute.description(), "values", new Document.Items("value", values));
	}

	/** The notices in the reader's language, one sentence each; null when there is nothing to say. */
	private @Nullable String notice(List<GeoReport.Notice> notices) {
		return notices.isEmpty() ? null
				: String.join(" ", notices.stream().map(notice -> messages.text(notice.key(), notice.args())).toList());
	}

	/** Every {@code media_url} sent: FixMyStreet repeats the field for several photos. */
	private static List<String> mediaUrls(HttpServletRequest request) {
		String[] values = request.getParameterValues("media_url");
		return values == null ? List.of() : List.of(values);
	}

	/** {@code attribute[code]=v} and {@code attribute[code][]=v}, in the order sent. */
	private static Map<String, List<String>> attributes(HttpServletRequest request) {
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			Matcher matcher = ATTRIBUTE.matcher(name);
			if (matcher.matches()) {
				attributes.computeIfAbsent(matcher.group(1), code -> new ArrayList<>()).addAll(List.of(values));
			}
		});
		return attributes;
	}

	/** ISO 8601 with seconds and the city's offset, e.g. 2026-11-25T20:57:00+08:00. */
	private static String datetime(Instant instant) {
		return DATETIME.format(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), Times.ZONE));
	}

	private static boolean english() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

	static Map<String, Object> fields(@Nullable Object... keysAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return fields;
	}

}
