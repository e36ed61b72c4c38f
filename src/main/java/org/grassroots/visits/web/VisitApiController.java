package org.grassroots.visits.web;

import java.io.IOException;
import java.util.List;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.web.Uploads;
import org.grassroots.visits.CadreSummary;
import org.grassroots.visits.ReceptionDay;
import org.grassroots.visits.ReceptionDays;
import org.grassroots.visits.Visit;
import org.grassroots.visits.VisitCommands;
import org.grassroots.visits.VisitManagement;
import org.grassroots.visits.VisitViews;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@RequestMapping("/api/v1/visits")
@Tag(name = "Visits", description = "Leading cadres' grassroots visits (下基层) with the problems collected on them, the "
		+ "per-cadre figures and the petition-reception days; everything within the caller's data scope")
class VisitApiController {

	private final VisitManagement management;

	private final VisitViews views;

	private final ReceptionDays receptionDays;

	private final VisitLogExport export;

	VisitApiController(VisitManagement management, VisitViews views, ReceptionDays receptionDays, VisitLogExport export) {
		this.management = management;
		this.views = views;
		this.receptionDays = receptionDays;
		this.export = export;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Log a visit (leading cadres) with the problems collected on it, in one transaction: kind one of "
			+ "PUBLICITY, RESEARCH, PETITION_RECEPTION, ON_SITE_OFFICE; a date not in the future; the visited unit's code "
			+ "within the caller's scope; each problem either handed to the visited unit or solved on the spot (measures "
			+ "required), then waiting for both sides' recognition")
	VisitViews.Detail log(@RequestBody VisitCommands.NewVisit command, @AuthenticationPrincipal CurrentUser user) {
		Visit visit = management.log(command, List.of(), user);
		return views.detail(visit.id(), user);
	}

	@GetMapping
	@Operation(summary = "The visit log in the caller's scope, newest first, 20 a page; filters optional")
	VisitViews.Page list(@Parameter(description = "a visit kind") @RequestParam(required = false) String kind,
			@Parameter(description = "yyyy-MM, by the visit date") @RequestParam(required = false) String month,
			@Parameter(description = "part of the cadre's name") @RequestParam(required = false) String cadre,
			@Parameter(description = "a unit code in scope: visits at it and below") @RequestParam(required = false) String unit,
			@Parameter(description = "only the caller's own visits") @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user) {
		return views.list(VisitRequests.filter(kind, month, cadre, unit, mine, views, user), page, user);
	}

	@GetMapping(path = "/export.xlsx", produces = VisitLogExport.XLSX)
	@Operation(summary = "The visit log as Excel, with the same filters, every matching row")
	void export(@RequestParam(required = false) String kind, @RequestParam(required = false) String month,
			@RequestParam(required = false) String cadre, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "false") boolean mine, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) throws IOException {
		export.write(VisitRequests.filter(kind, month, cadre, unit, mine, views, user), user,
				LocaleContextHolder.getLocale().getLanguage(), response);
	}

	@GetMapping("/summary")
	@Operation(summary = "Per cadre in scope for a month: visits by kind, problems collected, solved on the spot and "
			+ "solved later")
	List<CadreSummary> summary(@Parameter(description = "yyyy-MM; this month when left out") @RequestParam(required = false)
	String month, @RequestParam(required = false) String unit, @AuthenticationPrincipal CurrentUser user) {
		return views.summary(VisitPages.monthOrThis(month), unit == null || unit.isBlank() ? null : views.unitPath(unit, user),
				user);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A visit with its photos and the problems collected on it (404 outside the caller's scope)")
	VisitViews.Detail get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return views.detail(id, user);
	}

	@PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Add a photo to one's own visit (JPEG, PNG, GIF or WebP, up to 10 MB, at most 9 a visit), "
			+ "with the visit's version")
	Visit addPhoto(@PathVariable long id, @RequestParam int version, @RequestPart("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user) throws IOException {
		return management.addPhoto(id, version,
				Uploads.read(file), user);
	}

	@GetMapping("/{id}/photos/{photoId}")
	@Operation(summary = "A photo of a visit in scope")
	ResponseEntity<StreamingResponseBody> photo(@PathVariable long id, @PathVariable long photoId,
			@AuthenticationPrincipal CurrentUser user) {
		return VisitRequests.photo(photoId, views.photo(id, photoId, user));
	}

	@GetMapping("/reception-days")
	@Operation(summary = "Reception days in the caller's scope from today on, cancelled ones included")
	List<ReceptionDay> receptionDays(@AuthenticationPrincipal CurrentUser user) {
		return receptionDays.inScope(user);
	}

	@PostMapping("/reception-days")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish a reception day (leading cadres): the caller's title, a unit code in scope, the address, "
			+ "a date from today on, start and end times")
	ReceptionDay publish(@RequestBody VisitCommands.NewReceptionDay command, @AuthenticationPrincipal CurrentUser user) {
		return receptionDays.publish(command, user);
	}

	@PostMapping("/reception-days/{id}/cancel")
	@Operation(summary = "Cancel a reception day (the cadre who published it, or an administrator over its unit), with "
			+ "its version and an optional reason")
	ReceptionDay cancel(@PathVariable long id, @RequestBody VisitCommands.Cancel command,
			@AuthenticationPrincipal CurrentUser user) {
		return receptionDays.cancel(id, command, user);
	}

}
