package org.grassroots.problems.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.grassroots.problems.Category;
import org.grassroots.problems.Party;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemAction;
import org.grassroots.problems.ProblemCategories;
import org.grassroots.problems.ProblemCommands;
import org.grassroots.problems.ProblemDispatch;
import org.grassroots.problems.ProblemEvaluation;
import org.grassroots.problems.ProblemFilter;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemRectification;
import org.grassroots.problems.ProblemSource;
import org.grassroots.problems.ProblemState;
import org.grassroots.problems.ProblemSupervision;
import org.grassroots.problems.ProblemType;
import org.grassroots.problems.ProblemViews;
import org.grassroots.problems.Urgency;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Role;
import org.grassroots.shared.Times;
import org.grassroots.shared.UnitNames;
import org.grassroots.shared.files.Upload;
import org.grassroots.shared.geo.MapSettings;
import org.grassroots.shared.geo.MapView;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.Uploads;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitLookup;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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

import jakarta.servlet.http.HttpServletResponse;

/** The staff pages: work queue, search and export, registration, detail with every command, categories. */
@PageController
@RequestMapping("/problems")
class ProblemPageController {

	private final ProblemIntake intake;

	private final ProblemDispatch dispatch;

	private final ProblemRectification rectification;

	private final ProblemSupervision supervision;

	private final ProblemEvaluation evaluation;

	private final ProblemCategories categories;

	private final ProblemViews views;

	private final UnitManagement units;

	private final LedgerExport export;

	private final Messages messages;

	private final TimelineText timeline;

	private final UnitLookup unitLookup;

	private final MapSettings map;

	ProblemPageController(ProblemIntake intake, ProblemDispatch dispatch, ProblemRectification rectification,
			ProblemSupervision supervision, ProblemEvaluation evaluation, ProblemCategories categories, ProblemViews views,
			UnitManagement units, LedgerExport export, Messages messages, TimelineText timeline, UnitLookup unitLookup,
			MapSettings map) {
		this.intake = intake;
		this.dispatch = dispatch;
		this.rectification = rectification;
		this.supervision = supervision;
		this.evaluation = evaluation;
		this.categories = categories;
		this.views = views;
		this.units = units;
		this.export = export;
		this.messages = messages;
		this.timeline = timeline;
		this.unitLookup = unitLookup;
		this.map = map;
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "0") int page, Model model, @AuthenticationPrincipal CurrentUser user) {
		ProblemViews.Page queue = views.queue(user, page);
		model.addAttribute("page", queue);
		model.addAttribute("unitNames", views.unitsOf(queue.items()));
		// the page's problems that have a point, and nothing the list does not show
		List<MapView.Place> places = queue.items()
			.stream()
			.filter(problem -> problem.latitude() != null && problem.longitude() != null)
			.map(problem -> new MapView.Place(problem.latitude(), problem.longitude(),
					problem.ledgerNo() + " " + problem.title(), "/problems/" + problem.id()))
			.toList();
		if (map.enabled() && !places.isEmpty()) {
			model.addAttribute("problemMap", MapView.show(map, true, places));
		}
		return "problems/queue";
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) ProblemState state, @RequestParam(required = false) String category,
			@RequestParam(required = false) ProblemSource source, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean supervised,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model,
			@AuthenticationPrincipal CurrentUser user) {
		// the unit box sends a picked unit's code, or a code or name typed without the picker
		String unitText = blank(unit);
		String unitCode = null;
		model.addAttribute("unitName", unitText == null ? "" : unitText);
		if (unitText != null) {
			try {
				UnitNames.Named chosen = unitLookup.resolve(unitText, user.scope());
				unitCode = chosen.code();
				model.addAttribute("unitName", chosen.name(LocaleContextHolder.getLocale().getLanguage()));
			}
			catch (DomainException refused) {
				model.addAttribute("unitError", messages.text(refused));
			}
		}
		ProblemFilter filter = new ProblemFilter(state, blank(category), source, unitCode, overdue, supervised, from, to,
				blank(q));
		ProblemViews.Page found = model.containsAttribute("unitError") ? new ProblemViews.Page(List.of(), 0, 0, 50)
				: views.search(filter, user, page);
		model.addAttribute("filter", filter);
		model.addAttribute("page", found);
		model.addAttribute("unitNames", views.unitsOf(found.items()));
		choices(model);
		return "problems/search";
	}

	@GetMapping("/export.xlsx")
	void exportXlsx(@RequestParam(required = false) ProblemState state, @RequestParam(required = false) String category,
			@RequestParam(required = false) ProblemSource source, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean supervised,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) throws IOException {
		export.write(new ProblemFilter(state, blank(category), source, blank(unit), overdue, supervised, from, to, blank(q)),
				user, response);
	}

	@GetMapping("/new")
	String registerForm(Model model, @AuthenticationPrincipal CurrentUser user) {
		choices(model);
		model.addAttribute("raisingUnits", unitAndChildren(user.unitId(), user));
		return "problems/new";
	}

	@PostMapping("/new")
	String register(@RequestParam String title, @RequestParam String description, @RequestParam ProblemSource source,
			@RequestParam String categoryCode, @RequestParam Urgency urgency, @RequestParam ProblemType type,
			@RequestParam(required = false) Long raisingUnitId, @RequestParam(required = false) String address,
			@RequestParam(required = false) java.math.BigDecimal latitude,
			@RequestParam(required = false) java.math.BigDecimal longitude,
			@RequestParam(required = false) String standard, @RequestParam(required = false) String milestoneTitle,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate milestoneDate,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect) throws IOException {
		List<ProblemCommands.NewMilestone> milestones = milestoneTitle == null || milestoneTitle.isBlank()
				|| milestoneDate == null ? List.of()
						: List.of(new ProblemCommands.NewMilestone(milestoneTitle, endOf(milestoneDate)));
		try {
			Problem created = intake.register(new ProblemCommands.Register(title, description, source, categoryCode,
					urgency, type, raisingUnitId, null, address, latitude, longitude, standard, null, milestones), Uploads.of(files),
					user);
			redirect.addFlashAttribute("notice", messages.text("problems.registered", created.ledgerNo()));
			return "redirect:/problems/" + created.id();
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
			return registerForm(model, user);
		}
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		ProblemViews.Detail detail = views.detail(id, user);
		Problem problem = detail.problem();
		List<Problem> shown = new ArrayList<>(detail.children());
		shown.add(problem);
		Set<ProblemAction> allowed = detail.allowed();
		model.addAttribute("d", detail);
		model.addAttribute("allowed", allowed.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("p", problem);
		model.addAttribute("timeline", timeline.lines(detail.timeline()));
		model.addAttribute("unitNames", views.unitsOf(shown));
		model.addAttribute("category", views.categories().stream()
			.filter(category -> category.code().equals(problem.categoryCode())).findFirst().orElse(null));
		// the pickers list only what the offered actions may name, and none of them is chosen beforehand
		model.addAttribute("assignable",
				allowed.contains(ProblemAction.ASSIGN) ? unitAndChildren(problem.handlingUnitId(), user) : List.of());
		model.addAttribute("below", allowed.contains(ProblemAction.DELEGATE) || allowed.contains(ProblemAction.SPLIT)
				? views.below(problem, user) : List.of());
		model.addAttribute("departments", allowed.contains(ProblemAction.SUMMON) ? views.summonable(user) : List.of());
		// the responsible unit is told why it cannot submit yet, instead of finding no button
		model.addAttribute("submitWaits", problem.state() == ProblemState.RECTIFYING
				&& detail.parties().contains(Party.RESPONSIBLE_UNIT) && !allowed.contains(ProblemAction.SUBMIT));
		if (map.enabled() && problem.latitude() != null && problem.longitude() != null) {
			model.addAttribute("problemMap", MapView.show(map, false, List.of(new MapView.Place(problem.latitude(),
					problem.longitude(), problem.ledgerNo() + " " + problem.title(), null))));
		}
		return "problems/detail";
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String note,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.ACCEPT",
				() -> dispatch.accept(id, new ProblemCommands.Decide(version, note), user));
	}

	@PostMapping("/{id}/decline")
	String decline(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String note,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.DECLINE",
				() -> dispatch.decline(id, new ProblemCommands.Decide(version, note), user));
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable long id, @RequestParam int version, @RequestParam long unitId,
			@RequestParam(required = false) String person,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@RequestParam(required = false) String standard, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.ASSIGN", () -> dispatch.assign(id,
				new ProblemCommands.Assign(version, unitId, person, deadline == null ? null : endOf(deadline), standard), user));
	}

	@PostMapping("/{id}/delegate")
	String delegate(@PathVariable long id, @RequestParam int version, @RequestParam long unitId,
			@RequestParam(required = false) String note, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.DELEGATE",
				() -> dispatch.delegate(id, new ProblemCommands.Delegate(version, unitId, note), user));
	}

	@PostMapping("/{id}/split")
	String split(@PathVariable long id, @RequestParam int version,
			@RequestParam(name = "unitIds", required = false) List<Long> unitIds,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.SPLIT", () -> dispatch.split(id, new ProblemCommands.Split(version,
				unitIds == null ? List.of() : unitIds, deadline == null ? null : endOf(deadline), null), user));
	}

	@PostMapping("/{id}/escalate")
	String escalate(@PathVariable long id, @RequestParam int version, @RequestParam String reason,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.ESCALATE",
				() -> dispatch.escalate(id, new ProblemCommands.Escalate(version, null, reason), user));
	}

	@PostMapping("/{id}/plan")
	String plan(@PathVariable long id, @RequestParam int version, @RequestParam String measures,
			@RequestParam(required = false) String standard, @RequestParam(defaultValue = "false") boolean measuresPublic,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.START", () -> rectification.plan(id,
				new ProblemCommands.Plan(version, measures, standard, measuresPublic), user));
	}

	@PostMapping("/{id}/notes")
	String note(@PathVariable long id, @RequestParam int version, @RequestParam String note,
			@RequestParam(defaultValue = "false") boolean notePublic, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.NOTE",
				() -> rectification.note(id, new ProblemCommands.Note(version, note, notePublic), user));
	}

	@PostMapping("/{id}/milestones/{seq}/complete")
	String completeMilestone(@PathVariable long id, @PathVariable int seq, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.COMPLETE_MILESTONE",
				() -> rectification.completeMilestone(id, seq, version, user));
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable long id, @RequestParam int version, @RequestParam String evidence,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(defaultValue = "false") boolean filesPublic, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) throws IOException {
		List<Upload> uploads = Uploads.of(files);
		return act(id, redirect, "problems.done.SUBMIT", () -> rectification.submit(id,
				new ProblemCommands.Submit(version, evidence, filesPublic), uploads, user));
	}

	@PostMapping("/{id}/recognize")
	String recognize(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String note,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.RECOGNIZE",
				() -> rectification.recognize(id, new ProblemCommands.Decide(version, note), user));
	}

	@PostMapping("/{id}/return")
	String returnRectification(@PathVariable long id, @RequestParam int version, @RequestParam String note,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.RETURN",
				() -> rectification.returnRectification(id, new ProblemCommands.Decide(version, note), user));
	}

	@PostMapping("/{id}/supervise")
	String supervise(@PathVariable long id, @RequestParam int version, @RequestParam String reason,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.SUPERVISE",
				() -> supervision.supervise(id, new ProblemCommands.Supervise(version, reason), user));
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable long id, @RequestParam int version, @RequestParam boolean titlePublic,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.PUBLISH",
				() -> dispatch.publish(id, new ProblemCommands.Publish(version, titlePublic), user));
	}

	@PostMapping("/{id}/summons")
	String summon(@PathVariable long id, @RequestParam(name = "departmentUnitIds", required = false) List<Long> departments,
			@RequestParam String reason, @RequestParam(defaultValue = "false") boolean emergency,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.SUMMON", () -> supervision.summon(id,
				new ProblemCommands.Summon(departments == null ? List.of() : departments, reason, emergency), user));
	}

	@PostMapping("/{id}/summons/report-in")
	String reportIn(@PathVariable long id, @RequestParam String person, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.REPORT_IN",
				() -> supervision.reportIn(id, new ProblemCommands.ReportIn(person), user));
	}

	@PostMapping("/{id}/summons/act")
	String actOnSummons(@PathVariable long id, @RequestParam String note, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return act(id, redirect, "problems.done.ACT_ON_SUMMONS",
				() -> supervision.actOnSummons(id, new ProblemCommands.ActOnSummons(note), user));
	}

	@PostMapping("/{id}/review")
	String review(@PathVariable long id, @RequestParam int version, @RequestParam boolean reopen, @RequestParam String note,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, reopen ? "problems.done.REOPEN" : "problems.done.REVIEW",
				() -> evaluation.review(id, new ProblemCommands.Review(version, reopen, note), user));
	}

	@PostMapping("/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean filePublic, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) throws IOException {
		Upload upload = Uploads.read(file);
		return act(id, redirect, "problems.done.ATTACH", () -> rectification.attach(id, upload, filePublic, user));
	}

	@PostMapping("/{id}/attachments/{attachmentId}/publish")
	String publishFile(@PathVariable long id, @PathVariable long attachmentId, @RequestParam boolean filePublic,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, filePublic ? "problems.done.FILE_PUBLIC" : "problems.done.FILE_INTERNAL",
				() -> rectification.publishFile(id, attachmentId, new ProblemCommands.PublishFile(filePublic), user));
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<StreamingResponseBody> download(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal CurrentUser user) {
		return Downloads.of(views.attachment(id, attachmentId, user));
	}

	@GetMapping("/categories")
	String categories(Model model, @AuthenticationPrincipal CurrentUser user) {
		model.addAttribute("categories", views.categories());
		model.addAttribute("editable", user.has(Role.CITY_ADMIN));
		return "problems/categories";
	}

	@PostMapping("/categories/{code}")
	String updateCategory(@PathVariable String code, @RequestParam String nameZh, @RequestParam String nameEn,
			@RequestParam int responseHours, @RequestParam int emergencyHours, @RequestParam int utilityHours,
			@RequestParam int generalHours, @RequestParam int complexHours, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			categories.updateCategory(new Category(code, nameZh, nameEn, responseHours, emergencyHours, utilityHours,
					generalHours, complexHours, 0, version), user);
			redirect.addFlashAttribute("notice", messages.text("problems.categories.saved", code));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/problems/categories";
	}

	private String act(long id, RedirectAttributes redirect, String doneKey, Supplier<Object> command) {
		try {
			command.get();
			redirect.addFlashAttribute("notice", messages.text(doneKey));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/problems/" + id;
	}

	private void choices(Model model) {
		model.addAttribute("categories", views.categories());
		model.addAttribute("states", ProblemState.values());
		model.addAttribute("sources", ProblemSource.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("types", ProblemType.values());
	}

	private List<Unit> unitAndChildren(long unitId, CurrentUser user) {
		List<Unit> result = new ArrayList<>();
		Unit unit = units.get(unitId, DataScope.CITY);
		result.add(unit);
		if (user.scope().covers(unit.path())) {
			result.addAll(units.children(unitId, user.scope(), 0));
		}
		return result;
	}

	/** A date picked on a page means the end of that day in Asia/Shanghai. */
	static Instant endOf(LocalDate day) {
		return LocalDateTime.of(day, java.time.LocalTime.of(23, 59, 59)).atZone(Times.ZONE).toInstant();
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
