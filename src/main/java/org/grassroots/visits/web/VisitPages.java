package org.grassroots.visits.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.problems.ProblemCollection;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Role;
import org.grassroots.shared.Times;
import org.grassroots.shared.UnitNames;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.Uploads;
import org.grassroots.units.UnitManagement;
import org.grassroots.visits.ReceptionDays;
import org.grassroots.visits.Visit;
import org.grassroots.visits.VisitCommands;
import org.grassroots.visits.VisitFilter;
import org.grassroots.visits.VisitKind;
import org.grassroots.visits.VisitManagement;
import org.grassroots.visits.VisitRules;
import org.grassroots.visits.VisitViews;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The staff's visit pages: the log and its export, the per-cadre summary, a visit, the cadre's visit form, reception days. */
@PageController
@RequestMapping("/visits")
class VisitPages {

	private final VisitManagement management;

	private final VisitViews views;

	private final ReceptionDays receptionDays;

	private final VisitLogExport export;

	private final ProblemViews problems;

	private final UnitManagement units;

	private final UnitNames unitNames;

	private final Messages messages;

	private final Clock clock;

	VisitPages(VisitManagement management, VisitViews views, ReceptionDays receptionDays, VisitLogExport export,
			ProblemViews problems, UnitManagement units, UnitNames unitNames, Messages messages, Clock clock) {
		this.management = management;
		this.views = views;
		this.receptionDays = receptionDays;
		this.export = export;
		this.problems = problems;
		this.units = units;
		this.unitNames = unitNames;
		this.messages = messages;
		this.clock = clock;
	}

	/** The log, filtered; a filter that cannot be read is said under the form, with the other filters kept. */
	@GetMapping
	String log(@RequestParam(required = false) String kind, @RequestParam(required = false) String month,
			@RequestParam(required = false) String cadre, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "0") int page, Model model,
			@AuthenticationPrincipal CurrentUser user) {
		VisitFilter filter = VisitFilter.NONE;
		String unitText = unit == null ? "" : unit.trim();
		try {
			String unitCode = unitText.isEmpty() ? null : unitNames.resolve(unitText, user.scope()).code();
			filter = VisitRequests.filter(kind, month, cadre, unitCode, mine, views, user);
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
		}
		VisitViews.Page found = views.list(filter, page, user);
		model.addAttribute("found", found);
		model.addAttribute("kinds", VisitKind.values());
		model.addAttribute("kind", kind == null ? "" : kind);
		model.addAttribute("month", month == null ? "" : month);
		model.addAttribute("cadre", cadre == null ? "" : cadre);
		model.addAttribute("unitText", unitText);
		model.addAttribute("mine", mine);
		model.addAttribute("cadreRole", user.has(Role.LEADING_CADRE));
		model.addAttribute("unitNames", units.byIds(found.visits().stream().map(Visit::unitId).distinct().toList()));
		model.addAttribute("query", query(kind, month, cadre, unitText, mine));
		return "visits/log";
	}

	@GetMapping("/export.xlsx")
	void export(@RequestParam(required = false) String kind, @RequestParam(required = false) String month,
			@RequestParam(required = false) String cadre, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "false") boolean mine, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) throws IOException {
		String unitCode = unit == null || unit.isBlank() ? null : unitNames.resolve(unit.trim(), user.scope()).code();
		export.write(VisitRequests.filter(kind, month, cadre, unitCode, mine, views, user), user,
				LocaleContextHolder.getLocale().getLanguage(), response);
	}

	@GetMapping("/summary")
	String summary(@RequestParam(required = false) String month, @RequestParam(required = false) String unit, Model model,
			@AuthenticationPrincipal CurrentUser user) {
		YearMonth chosen = YearMonth.now(clock.withZone(Times.ZONE));
		String unitPath = null;
		String unitText = unit == null ? "" : unit.trim();
		try {
			chosen = monthOrThis(month);
			unitPath = unitText.isEmpty() ? null : views.unitPath(unitNames.resolve(unitText, user.scope()).code(), user);
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
		}
		var rows = views.summary(chosen, unitPath, user);
		model.addAttribute("unitText", unitText);
		model.addAttribute("month", chosen.toString());
		model.addAttribute("rows", rows);
		model.addAttribute("kinds", VisitKind.values());
		model.addAttribute("unitNames", units.byIds(rows.stream().map(row -> row.cadreUnitId()).distinct().toList()));
		return "visits/summary";
	}

	static YearMonth monthOrThis(@Nullable String month) {
		YearMonth parsed = VisitRequests.month(month);
		return parsed != null ? parsed : YearMonth.now(Times.ZONE);
	}

	@GetMapping("/new")
	String form(Model model, @AuthenticationPrincipal CurrentUser user) {
		requireCadre(user);
		return form(model, VisitForm.blank(LocalDate.now(clock.withZone(Times.ZONE))));
	}

	private String form(Model model, VisitForm form) {
		model.addAttribute("form", form);
		model.addAttribute("kinds", VisitKind.values());
		model.addAttribute("categories", problems.categories());
		model.addAttribute("today", LocalDate.now(clock.withZone(Times.ZONE)).toString());
		return "visits/new";
	}

	/**
	 * The visit form: a refusal shows the form again with everything typed kept and the reason at
	 * the top, and nothing written.
	 */
	@PostMapping
	String log(HttpServletRequest request, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			Model model, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) throws IOException {
		requireCadre(user);
		VisitForm form = VisitForm.of(request);
		try {
			String unitCode = form.unit().isBlank() ? "" : unitNames.resolve(form.unit(), user.scope()).code();
			Visit visit = management.log(new VisitCommands.NewVisit(form.kind(), date(form.visitDate()), form.place(), unitCode,
					form.peopleMet(), form.discussed(), form.collected()), Uploads.of(photos), user);
			redirect.addFlashAttribute("notice", messages.text("visits.logged", visit.problemsCollected()));
			return "redirect:/visits/" + visit.id();
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
			return form(model, form);
		}
	}

	@GetMapping("/{id}")
	String visit(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		VisitViews.Detail detail = views.detail(id, user);
		model.addAttribute("d", detail);
		model.addAttribute("v", detail.visit());
		model.addAttribute("own", detail.visit().cadreAccountId() == user.accountId());
		model.addAttribute("unitNames", units.byIds(List.of(detail.visit().unitId(), detail.visit().cadreUnitId())));
		return "visits/visit";
	}

	@PostMapping("/{id}/photos")
	String addPhoto(@PathVariable long id, @RequestParam int version, @RequestParam("photo") MultipartFile photo,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) throws IOException {
		try {
			var uploads = Uploads.of(List.of(photo));
			if (uploads.isEmpty()) {
				throw DomainException.invalid("visits.error.photo-missing");
			}
			management.addPhoto(id, version, uploads.get(0), user);
			redirect.addFlashAttribute("notice", messages.text("visits.photo-added"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/visits/" + id;
	}

	@GetMapping("/{id}/photos/{photoId}")
	ResponseEntity<StreamingResponseBody> photo(@PathVariable long id, @PathVariable long photoId,
			@AuthenticationPrincipal CurrentUser user) {
		return VisitRequests.photo(photoId, views.photo(id, photoId, user));
	}

	@GetMapping("/reception-days")
	String receptionDays(Model model, @AuthenticationPrincipal CurrentUser user) {
		var days = receptionDays.inScope(user);
		model.addAttribute("days", days);
		model.addAttribute("cadreRole", user.has(Role.LEADING_CADRE));
		model.addAttribute("administrator", user.has(Role.UNIT_ADMIN) || user.has(Role.CITY_ADMIN));
		model.addAttribute("today", LocalDate.now(clock.withZone(Times.ZONE)).toString());
		model.addAttribute("unitNames", units.byIds(days.stream().map(day -> day.unitId()).distinct().toList()));
		return "visits/reception-days";
	}

	@PostMapping("/reception-days")
	String publish(@RequestParam String cadreTitle, @RequestParam String unit, @RequestParam String address,
			@RequestParam String receptionDate, @RequestParam String startsAt, @RequestParam String endsAt,
			@RequestParam(required = false) String topics, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			String unitCode = unit.isBlank() ? "" : unitNames.resolve(unit.trim(), user.scope()).code();
			receptionDays.publish(new VisitCommands.NewReceptionDay(cadreTitle, unitCode, address, date(receptionDate),
					time(startsAt), time(endsAt), topics), user);
			redirect.addFlashAttribute("notice", messages.text("visits.reception.published"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/visits/reception-days";
	}

	@PostMapping("/reception-days/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			receptionDays.cancel(id, new VisitCommands.Cancel(version, reason), user);
			redirect.addFlashAttribute("notice", messages.text("visits.reception.cancelled"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/visits/reception-days";
	}

	private static void requireCadre(CurrentUser user) {
		VisitRules.check(VisitRules.VisitAction.LOG, user);
	}

	private static @Nullable LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid("visits.error.date", text);
		}
	}

	private static @Nullable LocalTime time(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalTime.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.invalid("visits.error.time", text);
		}
	}

	private static String query(@Nullable String kind, @Nullable String month, @Nullable String cadre, String unit,
			boolean mine) {
		List<String> parts = new ArrayList<>();
		add(parts, "kind", kind);
		add(parts, "month", month);
		add(parts, "cadre", cadre);
		add(parts, "unit", unit);
		if (mine) {
			parts.add("mine=true");
		}
		return String.join("&", parts);
	}

	private static void add(List<String> parts, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			parts.add(name + "=" + java.net.URLEncoder.encode(value.trim(), java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	/** What the visit form holds, as typed, so that a refused form comes back as it was sent. */
	record VisitForm(String kind, String visitDate, String place, String unit, String peopleMet, String discussed,
			List<Row> rows) {

		/** One problem row; {@code handling} is LATER (to the visited unit) or ON_SPOT. */
		record Row(String title, String categoryCode, String description, String handling, String measures) {

			boolean blank() {
				return title.isBlank() && description.isBlank() && measures.isBlank();
			}

		}

		static VisitForm blank(LocalDate today) {
			return new VisitForm("", today.toString(), "", "", "", "", List.of(new Row("", "", "", "LATER", "")));
		}

		static VisitForm of(HttpServletRequest request) {
			String[] titles = values(request, "problemTitle");
			List<Row> rows = new ArrayList<>();
			for (int i = 0; i < titles.length; i++) {
				rows.add(new Row(titles[i], at(request, "problemCategory", i), at(request, "problemDescription", i),
						at(request, "problemHandling", i), at(request, "problemMeasures", i)));
			}
			return new VisitForm(one(request, "kind"), one(request, "visitDate"), one(request, "place"), one(request, "unit"),
					one(request, "peopleMet"), one(request, "discussed"), rows);
		}

		/** The rows that hold anything, as problems to collect; an empty row is left out. */
		List<ProblemCollection.Collected> collected() {
			return rows.stream()
				.filter(row -> !row.blank())
				.map(row -> new ProblemCollection.Collected(row.title(), row.categoryCode(), row.description(),
						"ON_SPOT".equals(row.handling()), row.measures()))
				.toList();
		}

		private static String one(HttpServletRequest request, String name) {
			String value = request.getParameter(name);
			return value == null ? "" : value;
		}

		private static String[] values(HttpServletRequest request, String name) {
			String[] values = request.getParameterValues(name);
			return values == null ? new String[0] : values;
		}

		private static String at(HttpServletRequest request, String name, int index) {
			String[] values = values(request, name);
			return index < values.length ? values[index] : "";
		}

	}

}
