package org.grassroots.open311;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.open311.internal.Locator;
import org.grassroots.open311.internal.RateLimiter;
import org.grassroots.open311.internal.RequestLog;
import org.grassroots.open311.internal.ServiceCatalog;
import org.grassroots.problems.Category;
import org.grassroots.problems.IntakeRules;
import org.grassroots.problems.ProblemCategories;
import org.grassroots.problems.ProblemCommands;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemViews;
import org.grassroots.problems.PublicQuery;
import org.grassroots.problems.PublicRequest;
import org.grassroots.problems.ResidentComments;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.PhoneNumbers;
import org.grassroots.shared.PlainText;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GeoReport v2 over the problems module: services are the problem categories, a request is a
 * resident's report, its id is the ledger number. Nothing personal leaves through here.
 */
@Service
public class GeoReport {

	public static final int MAX_RECORDS = 1000;

	static final Duration MAX_SPAN = Duration.ofDays(90);

	private final ProblemIntake intake;

	private final ProblemViews views;

	private final ServiceCatalog catalog;

	private final Locator locator;

	private final RequestLog log;

	private final Open311Keys keys;

	private final RateLimiter limiter;

	private final Clock clock;

	private final ResidentComments comments;

	private final ProblemCategories categories;

	GeoReport(ProblemIntake intake, ProblemViews views, ServiceCatalog catalog, Locator locator, RequestLog log,
			Open311Keys keys, RateLimiter limiter, Clock clock, ResidentComments comments, ProblemCategories categories) {
		this.categories = categories;
		this.intake = intake;
		this.views = views;
		this.catalog = catalog;
		this.locator = locator;
		this.log = log;
		this.keys = keys;
		this.limiter = limiter;
		this.clock = clock;
		this.comments = comments;
	}

	/** A service as Open311 lists it. */
	public record ServiceType(String code, String name, String description, boolean metadata, String keywords,
			String group) {

	}

	/** What a client posts, already split from the form; {@code media_url} may come several times. */
	public record Submission(@Nullable String serviceCode, @Nullable String latitude, @Nullable String longitude,
			@Nullable String addressString, @Nullable String addressId, @Nullable String description,
			@Nullable String phone, List<String> mediaUrls, Map<String, List<String>> attributes) {

	}

	/** The new request's id and what the answer's {@code service_notice} says about it. */
	public record Created(String serviceRequestId, List<Notice> notices) {

	}

	/** One sentence of a {@code service_notice}: a message key and its arguments. */
	public record Notice(String key, Object... args) {

	}

	/** What POST servicerequestupdates carries that Grassroots keeps; names and e-mail are not kept. */
	public record Comment(@Nullable String serviceRequestId, @Nullable String description, @Nullable String mediaUrl) {

	}

	/** Requests found and the span searched, or no span when ids were asked for. */
	public record Found(List<PublicRequest> requests, @Nullable DateWindow window) {

	}

	/** Public steps with their ledger numbers, and the span searched. */
	public record Updates(List<Map.Entry<String, ProblemViews.PublicStep>> steps, DateWindow window) {

	}

	/** GET requests' filters as the client gave them; blank means absent. */
	public record Search(@Nullable String ids, @Nullable String serviceCodes, @Nullable String startDate,
			@Nullable String endDate, @Nullable String status, @Nullable String page, @Nullable String pageSize) {

	}

	@Transactional(readOnly = true)
	public List<ServiceType> services(boolean english) {
		Map<String, ServiceCatalog.Extra> extras = catalog.extras();
		Set<String> withAttributes = catalog.attributes(english).keySet();
		List<ServiceType> services = new ArrayList<>();
		for (Category category : categories.cached()) {
			ServiceCatalog.Extra extra = extras.get(category.code());
			String group = extra == null ? "" : english ? extra.groupEn() : extra.groupZh();
			services.add(new ServiceType(category.code(), category.name(english ? "en" : "zh"),
					category.name(english ? "en" : "zh") + (group.isEmpty() ? "" : " · " + group),
					withAttributes.contains(category.code()), extra == null ? "" : extra.keywords(), group));
		}
		return services;
	}

	/** A service's attributes; 404 for an unknown service. */
	@Transactional(readOnly = true)
	public List<ServiceAttribute> definition(String code, boolean english) {
		service(code, english);
		return catalog.attributes(english).getOrDefault(code, List.of());
	}

	/**
	 * Files a resident's report for a client application: the key must be active and under its
	 * rate limit, the service known, a location given and the defined attributes valid. What the
	 * intake rules cannot keep (an unreadable phone, extra attributes beyond the bounds, media that
	 * is not an http(s) URL, an unknown {@code address_id}) is left out and named in the notices,
	 * so that a client never retries a report forever for a detail.
	 */
	@Transactional(noRollbackFor = RateExceeded.class)
	public Created submit(@Nullable String apiKey, Submission submission) {
		if (apiKey == null || apiKey.isBlank()) {
			throw DomainException.forbidden("open311.error.api-key");
		}
		ApiKey key = keys.authenticate(apiKey);
		if (!limiter.allow(key.id())) {
			throw new RateExceeded();
		}
		String code = required(submission.serviceCode(), "service_code");
		service(code, false);
		Double latitude = coordinate(submission.latitude(), "lat", 90);
		Double longitude = coordinate(submission.longitude(), "long", 180);
		boolean hasPoint = latitude != null && longitude != null;
		if (!hasPoint && blank(submission.addressString()) && blank(submission.addressId())) {
			throw DomainException.invalid("open311.error.location");
		}
		String description = PlainText.lines(submission.description());
		if (description != null && description.length() > ProblemCommands.MAX_DESCRIPTION) {
			throw DomainException.invalid("open311.error.description", ProblemCommands.MAX_DESCRIPTION);
		}
		List<Notice> notices = new ArrayList<>();
		AttributeCheck.Checked checked = AttributeCheck.check(catalog.attributes(false).getOrDefault(code, List.of()),
				submission.attributes());
		if (!checked.kept().isEmpty()) {
			notices.add(new Notice("open311.notice.attributes-kept", names(checked.kept())));
		}
		if (!checked.ignored().isEmpty()) {
			notices.add(new Notice("open311.notice.attributes-ignored", names(checked.ignored()),
					IntakeRules.MAX_ATTRIBUTES, IntakeRules.MAX_VALUES, IntakeRules.MAX_VALUE_LENGTH));
		}
		List<String> media = IntakeRules.values(submission.mediaUrls());
		List<String> kept = media.stream().filter(IntakeRules::isMediaUrl).limit(IntakeRules.MAX_MEDIA_URLS).toList();
		if (kept.size() < media.size()) {
			notices.add(new Notice("open311.notice.media-ignored", media.size() - kept.size(), IntakeRules.MAX_MEDIA_URLS));
		}
		String phone = null;
		if (!blank(submission.phone())) {
			phone = PhoneNumbers.normalize(submission.phone()).orElse(null);
			if (phone == null) {
				notices.add(new Notice("open311.notice.phone-dropped"));
			}
		}
		String address = PlainText.line(submission.addressString());
		Locator.Placed placed = locator.place(PlainText.line(submission.addressId()), latitude, longitude, address);
		if (placed.addressIdUnknown()) {
			notices.add(new Notice("open311.notice.address-id", names(List.of(submission.addressId()))));
		}
		if (placed.byBoundary()) {
			// the Chinese message names the unit by {0}, the English by {1}
			notices.add(new Notice("open311.notice.placed-by-location", placed.unit().nameZh(), placed.unit().name("en")));
		}
		if (placed.byDefault()) {
			notices.add(new Notice("open311.notice.default-unit"));
		}
		String serviceName = service(code, false).name();
		var reported = intake.report(placed.unit(), new ProblemCommands.ResidentReport(placed.unit().id(), code,
				title(description, serviceName), description, truncate(address, 300),
				decimal(latitude), decimal(longitude), phone, false, null, checked.attributes(), kept), List.of());
		log.record(reported.problem().id(), reported.problem().ledgerNo(), key.id(), clock.instant());
		return new Created(reported.problem().ledgerNo(), notices);
	}

	/** Client-sent names for a notice: cleaned, shortened, at most ten. */
	private static String names(List<String> names) {
		List<String> shown = names.stream()
			.map(name -> truncate(PlainText.line(name), IntakeRules.MAX_CODE_LENGTH))
			.filter(java.util.Objects::nonNull)
			.limit(10)
			.toList();
		return String.join(", ", shown) + (names.size() > shown.size() ? ", …" : "");
	}

	/**
	 * GET requests: ids override the rest; otherwise at most 90 days, the last 90 by default, and
	 * with one bound only the other is now or 90 days away (see {@link DateWindow}).
	 */
	@Transactional(readOnly = true)
	public Found requests(Search search) {
		List<String> ids = list(search.ids());
		if (!ids.isEmpty()) {
			return new Found(views.publicRequests(new PublicQuery(ids, List.of(), null, null, null, 0, MAX_RECORDS)), null);
		}
		DateWindow window = DateWindow.of(search.startDate(), search.endDate(), clock.instant(), MAX_SPAN, MAX_SPAN);
		int pageSize = number(search.pageSize(), "page_size", MAX_RECORDS, MAX_RECORDS);
		int page = number(search.page(), "page", 1, Integer.MAX_VALUE / MAX_RECORDS);
		return new Found(views.publicRequests(new PublicQuery(List.of(), list(search.serviceCodes()), window.start(),
				window.end(), status(search.status()), (page - 1) * pageSize, pageSize)), window);
	}

	@Transactional(readOnly = true)
	public PublicRequest request(String id) {
		return views.publicRequests(new PublicQuery(List.of(id), List.of(), null, null, null, 0, 1))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("service request", id));
	}

	/**
	 * mySociety's updates extension: the public steps of requests between two times, 90 days at
	 * most, the last day without bounds.
	 */
	@Transactional(readOnly = true)
	public Updates updates(@Nullable String startDate, @Nullable String endDate) {
		DateWindow window = DateWindow.of(startDate, endDate, clock.instant(), MAX_SPAN, Duration.ofDays(1));
		// the feed reads steps after its start: one microsecond earlier keeps the first moment in
		return new Updates(views.publicUpdates(window.start().minusNanos(1000), window.end(), MAX_RECORDS), window);
	}

	/**
	 * POST servicerequestupdates: a resident's comment a client relays onto a request's timeline,
	 * with the same key and rate as filing a request. Answers the new update's id.
	 */
	@Transactional(noRollbackFor = RateExceeded.class)
	public long comment(@Nullable String apiKey, Comment comment) {
		if (apiKey == null || apiKey.isBlank()) {
			throw DomainException.forbidden("open311.error.api-key");
		}
		ApiKey key = keys.authenticate(apiKey);
		if (!limiter.allow(key.id())) {
			throw new RateExceeded();
		}
		String id = required(comment.serviceRequestId(), "service_request_id");
		// a resident's words relayed by a client: intake text, so no control characters
		String text = required(PlainText.lines(comment.description()), "description");
		if (!blank(comment.mediaUrl())) {
			String url = comment.mediaUrl().trim();
			if (!IntakeRules.isMediaUrl(url)) {
				throw DomainException.invalid("open311.error.parameter", "media_url");
			}
			text = text + "\n" + url;
		}
		return comments.relay(new ResidentComments.Relayed(id, key.name() + " (Open311)", text));
	}

	private ServiceType service(String code, boolean english) {
		return services(english).stream()
			.filter(service -> service.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("service", code));
	}

	/** Thrown when a key sends more than its limit in a minute: 429. */
	public static class RateExceeded extends DomainException {

		RateExceeded() {
			super(HttpStatus.TOO_MANY_REQUESTS, "open311.error.rate");
		}

	}

	private static String title(@Nullable String description, String serviceName) {
		String firstLine = description == null ? "" : description.lines().findFirst().orElse("").trim();
		return firstLine.isEmpty() ? serviceName : truncate(firstLine, 60);
	}

	private static @Nullable Double coordinate(@Nullable String value, String name, int limit) {
		if (blank(value)) {
			return null;
		}
		try {
			double parsed = Double.parseDouble(value.trim());
			if (Math.abs(parsed) > limit || Double.isNaN(parsed)) {
				throw DomainException.invalid("open311.error.parameter", name);
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw DomainException.invalid("open311.error.parameter", name);
		}
	}

	private static int number(@Nullable String value, String name, int fallback, int max) {
		if (blank(value)) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed < 1 || parsed > max) {
				throw DomainException.invalid("open311.error.parameter", name);
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw DomainException.invalid("open311.error.parameter", name);
		}
	}

	private static @Nullable Boolean status(@Nullable String value) {
		List<String> statuses = list(value).stream().map(status -> status.toLowerCase(java.util.Locale.ROOT)).toList();
		boolean open = statuses.contains("open");
		boolean closed = statuses.contains("closed");
		if (statuses.stream().anyMatch(status -> !status.equals("open") && !status.equals("closed"))) {
			throw DomainException.invalid("open311.error.parameter", "status");
		}
		return open == closed ? null : closed;
	}

	private static List<String> list(@Nullable String value) {
		if (blank(value)) {
			return List.of();
		}
		return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
	}

	private static String required(@Nullable String value, String name) {
		if (blank(value)) {
			throw DomainException.invalid("open311.error.required", name);
		}
		return value.trim();
	}

	private static @Nullable BigDecimal decimal(@Nullable Double value) {
		return value == null ? null : BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_UP);
	}

	private static @Nullable String truncate(@Nullable String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.trim();
		return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
