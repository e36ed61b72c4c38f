package org.grassroots.visits.web;

import java.nio.file.Files;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.visits.VisitFilter;
import org.grassroots.visits.VisitKind;
import org.grassroots.visits.VisitViews;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** What the page and the API controllers read from a request alike: the log's filter, uploads, photos sent back. */
final class VisitRequests {

	private VisitRequests() {
	}

	/** The log's filter from request parameters; an unknown kind or a month that is not yyyy-MM answers 400. */
	static VisitFilter filter(@Nullable String kind, @Nullable String month, @Nullable String cadre,
			@Nullable String unitCode, boolean mine, VisitViews views, CurrentUser user) {
		VisitKind parsedKind = kind == null || kind.isBlank() ? null : VisitKind.parse(kind);
		String unitPath = unitCode == null || unitCode.isBlank() ? null : views.unitPath(unitCode, user);
		return new VisitFilter(parsedKind, month(month), cadre == null || cadre.isBlank() ? null : cadre.trim(), unitPath,
				mine ? user.accountId() : null);
	}

	static @Nullable YearMonth month(@Nullable String month) {
		if (month == null || month.isBlank()) {
			return null;
		}
		try {
			return YearMonth.parse(month.trim());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid("visits.error.month", month);
		}
	}

	/** A photo, named after its number, so that its stored name is not sent; never sniffed as anything else. */
	static ResponseEntity<StreamingResponseBody> photo(long photoId, VisitViews.PhotoFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("visit-photo-" + photoId).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(out -> Files.copy(file.path(), out));
	}

}
