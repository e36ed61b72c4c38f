package org.grassroots.plans.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.grassroots.plans.Benchmarking;
import org.grassroots.plans.MeasureDetail;
import org.grassroots.plans.MeasureManagement;
import org.grassroots.plans.MeasureProblems;
import org.grassroots.plans.PlanCommands;
import org.grassroots.plans.PlanDetail;
import org.grassroots.plans.PlanManagement;
import org.grassroots.plans.ResearchPlan;
import org.grassroots.plans.WorkMeasure;
import org.grassroots.problems.Category;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Role;
import org.grassroots.shared.Times;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.Uploads;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
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

/** The plans pages: plans list, plan, plan and measure forms, measure page, benchmarking view, export. */
@PageController
@RequestMapping("/plans")
class PlanPageController {

	private final PlanManagement plans;

	private final MeasureManagement measures;

	private final MeasureProblems problems;

	private final Benchmarking benchmarking;

	private final PlanExport export;

	private final UnitManagement units;

	private final Messages messages;

	private final Clock clock;

	PlanPageController(PlanManagement plans, MeasureManagement measures, MeasureProblems problems,
			Benchmarking benchmarking, PlanExport export, UnitManagement units, Messages messages, Clock clock) {
		this.plans = plans;
		this.measures = measures;
		this.problems = problems;
		this.benchmarking = benchmarking;
		this.export = export;
		this.units = units;
		this.messages = messages;
		this.clock = clock;
	}

	/** What the plan form holds, as sent or as the plan has it. */
	record PlanForm(@Nullable String title, @Nullable String topics, @Nullable List<String> categoryCodes,
			@Nullable Long ownerUnitId, @Nullable List<Long> coveredUnitIds,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate periodStart,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate periodEnd, int version) {

		static PlanForm of(ResearchPlan plan) {
			return new PlanForm(plan.title(), plan.topics(), plan.categoryCodes(), plan.ownerUnitId(),
					plan.coveredUnitIds().size() == 1 && plan.coveredUnitIds().get(0) == plan.ownerUnitId() ? List.of()
							: plan.coveredUnitIds(),
					plan.periodStart(), plan.periodEnd(), plan.version());
		}

		public boolean has(String code) {
			return categoryCodes != null && categoryCodes.contains(code);
		}

		public boolean covers(long unitId) {
			return coveredUnitIds != null && coveredUnitIds.contains(unitId);
		}

	}

	/** What the measure form holds, as sent. */
	record MeasureForm(@Nullable String title, @Nullable String categoryCode, @Nullable Long ownerUnitId,
			@Nullable String ownerPerson, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startDate,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate deadline, @Nullable Integer targetAmount,
			@Nullable String targetUnit, @Nullable Boolean advanceOnClose, @Nullable String milestoneTitle,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate milestoneDue, @Nullable Integer version) {

		static MeasureForm of(WorkMeasure measure) {
			return new MeasureForm(measure.title(), measure.categoryCode(), measure.ownerUnitId(), measure.ownerPerson(),
					measure.startDate(), measure.deadline(), measure.targetAmount(), measure.targetUnit(),
					measure.advanceOnClose(), null, null, measure.version());
		}

	}

	// ---------------------------------------------------------------- plans

	@GetMapping
	String list(Model model, @AuthenticationPrincipal CurrentUser user) {
		List<ResearchPlan> visible = plans.plans(user);
		model.addAttribute("plans", visible);
		model.addAttribute("unitNames", units.byIds(visible.stream().map(ResearchPlan::ownerUnitId).distinct().toList()));
		model.addAttribute("mayCreate", plans.mayCreate(user));
		model.addAttribute("today", today());
		return "plans/plans";
	}

	@GetMapping("/new")
	String newPlan(Model model, @AuthenticationPrincipal CurrentUser user) {
		if (!plans.mayCreate(user)) {
			throw DomainException.forbidden("plans.error.not-writer");
		}
		LocalDate today = today();
		return planForm(model, new PlanForm(null, null, List.of(), null, List.of(), today,
				today.plusMonths(3), 0), null, user);
	}

	@PostMapping
	String create(PlanForm form, Model model, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			ResearchPlan plan = plans.createPlan(new PlanCommands.NewPlan(text(form.title()), form.topics(),
					list(form.categoryCodes()), form.ownerUnitId(), form.coveredUnitIds(), date(form.periodStart()),
					date(form.periodEnd())), user);
			redirect.addFlashAttribute("notice", messages.text("plans.plan.created", plan.title()));
			return "redirect:/plans/" + plan.id();
		}
		catch (DomainException refused) {
			response.setStatus(refused.status().value());
			model.addAttribute("error", messages.text(refused));
			return planForm(model, form, null, user);
		}
	}

	@GetMapping("/{id}")
	String plan(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		PlanDetail detail = plans.plan(id, user);
		model.addAttribute("d", detail);
		model.addAttribute("plan", detail.plan());
		List<Long> ids = new ArrayList<>(detail.plan().coveredUnitIds());
		ids.add(detail.plan().ownerUnitId());
		detail.measures().forEach(line -> ids.add(line.measure().ownerUnitId()));
		model.addAttribute("unitNames", units.byIds(ids.stream().distinct().toList()));
		model.addAttribute("today", today());
		return "plans/plan";
	}

	@GetMapping("/{id}/edit")
	String editPlan(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		PlanDetail detail = plans.plan(id, user);
		if (!detail.writable()) {
			throw DomainException.forbidden("plans.error.not-writer");
		}
		return planForm(model, PlanForm.of(detail.plan()), detail.plan(), user);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, PlanForm form, Model model, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			ResearchPlan plan = plans.updatePlan(id, new PlanCommands.EditPlan(text(form.title()), form.topics(),
					list(form.categoryCodes()), form.coveredUnitIds(), date(form.periodStart()), date(form.periodEnd()),
					form.version()), user);
			redirect.addFlashAttribute("notice", messages.text("plans.plan.updated", plan.title()));
			return "redirect:/plans/" + id;
		}
		catch (DomainException refused) {
			response.setStatus(refused.status().value());
			model.addAttribute("error", messages.text(refused));
			return planForm(model, form, plans.plan(id, user).plan(), user);
		}
	}

	private String planForm(Model model, PlanForm form, @Nullable ResearchPlan plan, CurrentUser user) {
		model.addAttribute("form", form);
		model.addAttribute("plan", plan);
		model.addAttribute("categories", plans.categories());
		List<Unit> owners = owners(user);
		model.addAttribute("owners", owners);
		Unit base = plan != null ? units.get(plan.ownerUnitId(), DataScope.CITY) : owners.isEmpty() ? null : owners.get(0);
		// on a new plan whose owner is still to be chosen the covered units would belong to another owner:
		// the whole subtree then, and the units are chosen when the plan is edited
		boolean known = plan != null || owners.size() == 1;
		model.addAttribute("coverable", base == null || !known ? List.of() : units.children(base.id(), DataScope.CITY, 0));
		return "plans/plan-form";
	}

	/** Where the person may write a plan: their own district or street and the streets below it, or every district. */
	private List<Unit> owners(CurrentUser user) {
		List<Unit> owners = new ArrayList<>();
		Unit own = units.get(user.unitId(), DataScope.CITY);
		if (own.level() == UnitLevel.DISTRICT || own.level() == UnitLevel.STREET) {
			owners.add(own);
		}
		for (Unit child : units.children(own.id(), user.has(Role.CITY_ADMIN) ? DataScope.CITY : user.scope(), 0)) {
			if (child.level() == UnitLevel.DISTRICT || child.level() == UnitLevel.STREET) {
				owners.add(child);
			}
		}
		return owners;
	}

	// ---------------------------------------------------------------- measures

	@GetMapping("/{id}/measures/new")
	String newMeasure(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		PlanDetail detail = plans.plan(id, user);
		if (!detail.writable()) {
			throw DomainException.forbidden("plans.error.not-writer");
		}
		ResearchPlan plan = detail.plan();
		return measureForm(model, plan, new MeasureForm(null, plan.categoryCodes().get(0), plan.ownerUnitId(), null,
				plan.periodStart(), plan.periodEnd(), null, null, false, null, null, null));
	}

	@PostMapping("/{id}/measures")
	String addMeasure(@PathVariable long id, MeasureForm form, Model model, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			List<PlanCommands.NewMilestone> milestones = form.milestoneTitle() == null || form.milestoneTitle().isBlank()
					? List.of() : List.of(new PlanCommands.NewMilestone(form.milestoneTitle(), date(form.milestoneDue())));
			WorkMeasure measure = measures.addMeasure(id, new PlanCommands.NewMeasure(text(form.title()),
					text(form.categoryCode()), form.ownerUnitId(), text(form.ownerPerson()), date(form.startDate()),
					date(form.deadline()), form.targetAmount(), form.targetUnit(), Boolean.TRUE.equals(form.advanceOnClose()),
					milestones), user);
			redirect.addFlashAttribute("notice", messages.text("plans.measure.created", measure.title()));
			return "redirect:/plans/measures/" + measure.id();
		}
		catch (DomainException refused) {
			response.setStatus(refused.status().value());
			model.addAttribute("error", messages.text(refused));
			return measureForm(model, plans.plan(id, user).plan(), form);
		}
	}

	@GetMapping("/measures/{id}/edit")
	String editMeasure(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		MeasureDetail detail = measures.detail(id, user);
		if (!detail.writable()) {
			throw DomainException.forbidden("plans.error.not-writer");
		}
		model.addAttribute("measure", detail.measure());
		return measureForm(model, detail.plan(), MeasureForm.of(detail.measure()));
	}

	@PostMapping("/measures/{id}/edit")
	String updateMeasure(@PathVariable long id, MeasureForm form, Model model, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			WorkMeasure measure = measures.editMeasure(id, new PlanCommands.EditMeasure(text(form.title()),
					text(form.ownerPerson()), date(form.startDate()), date(form.deadline()), form.targetAmount(),
					form.targetUnit(), Boolean.TRUE.equals(form.advanceOnClose()), form.version() == null ? -1 : form.version()),
					user);
			redirect.addFlashAttribute("notice", messages.text("plans.measure.updated", measure.title()));
			return "redirect:/plans/measures/" + id;
		}
		catch (DomainException refused) {
			response.setStatus(refused.status().value());
			model.addAttribute("error", messages.text(refused));
			MeasureDetail detail = measures.detail(id, user);
			model.addAttribute("measure", detail.measure());
			return measureForm(model, detail.plan(), form);
		}
	}

	private String measureForm(Model model, ResearchPlan plan, MeasureForm form) {
		model.addAttribute("plan", plan);
		model.addAttribute("form", form);
		List<Unit> owners = new ArrayList<>();
		owners.add(units.get(plan.ownerUnitId(), DataScope.CITY));
		owners.addAll(units.children(plan.ownerUnitId(), DataScope.CITY, 0));
		model.addAttribute("owners", owners);
		return "plans/measure-form";
	}

	@GetMapping("/measures/{id}")
	String measure(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		MeasureDetail detail = measures.detail(id, user);
		model.addAttribute("d", detail);
		model.addAttribute("m", detail.measure());
		model.addAttribute("unitNames", units.byIds(List.of(detail.measure().ownerUnitId(), detail.plan().ownerUnitId())));
		model.addAttribute("today", today());
		return "plans/measure";
	}

	@PostMapping("/measures/{id}/progress")
	String progress(@PathVariable long id, @RequestParam(required = false) Integer amount,
			@RequestParam(defaultValue = "added") String mode, @RequestParam(required = false) String note,
			@RequestParam int version, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) throws IOException {
		var uploads = Uploads.of(files);
		boolean achieved = "achieved".equals(mode);
		return act(id, redirect, "plans.progress.reported", () -> measures.reportProgress(id,
				new PlanCommands.ReportProgress(achieved ? amount : null, achieved ? null : amount, note, version), uploads,
				user));
	}

	@PostMapping("/measures/{id}/done")
	String done(@PathVariable long id, @RequestParam(required = false) String note, @RequestParam int version,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) throws IOException {
		var uploads = Uploads.of(files);
		return act(id, redirect, "plans.measure.done",
				() -> measures.complete(id, new PlanCommands.Complete(note, version), uploads, user));
	}

	@PostMapping("/measures/{id}/milestones")
	String addMilestone(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			@RequestParam int version, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "plans.milestone.added", () -> measures.addMilestone(id,
				new PlanCommands.NewMilestone(text(title), date(dueOn)), version, user));
	}

	@PostMapping("/measures/{id}/milestones/{milestoneId}/done")
	String completeMilestone(@PathVariable long id, @PathVariable long milestoneId, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "plans.milestone.done",
				() -> measures.completeMilestone(id, milestoneId, version, user));
	}

	@PostMapping("/measures/{id}/problems")
	String link(@PathVariable long id, @RequestParam(required = false) String ledgerNo, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "plans.problem.linked",
				() -> problems.link(id, new PlanCommands.LinkProblem(text(ledgerNo), version), user));
	}

	@PostMapping("/measures/{id}/problems/{problemId}/unlink")
	String unlink(@PathVariable long id, @PathVariable long problemId, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return act(id, redirect, "plans.problem.unlinked", () -> problems.unlink(id, problemId, version, user));
	}

	@GetMapping("/measures/{id}/evidence/{evidenceId}")
	ResponseEntity<StreamingResponseBody> evidence(@PathVariable long id, @PathVariable long evidenceId,
			@AuthenticationPrincipal CurrentUser user) {
		return EvidenceDownloads.of(measures.evidence(id, evidenceId, user));
	}

	// ---------------------------------------------------------------- benchmarking and export

	@GetMapping("/benchmark")
	String benchmark(@RequestParam(required = false) String category, Model model,
			@AuthenticationPrincipal CurrentUser user) {
		List<Category> categories = plans.categories();
		String chosen = category == null || category.isBlank() ? categories.get(0).code() : category;
		model.addAttribute("categories", categories);
		model.addAttribute("category", chosen);
		model.addAttribute("benchmark", benchmarking.benchmark(chosen, user));
		return "plans/benchmark";
	}

	@GetMapping("/export.xlsx")
	void export(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		export.write(user, response);
	}

	private String act(long id, RedirectAttributes redirect, String doneKey, Supplier<Object> command) {
		try {
			command.get();
			redirect.addFlashAttribute("notice", messages.text(doneKey));
		}
		catch (DomainException refused) {
			redirect.addFlashAttribute("error", messages.text(refused));
		}
		return "redirect:/plans/measures/" + id;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Times.ZONE));
	}

	/** A missing text reaches the command as empty, so the command's own check names the field. */
	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

	private static List<String> list(@Nullable List<String> values) {
		return values == null ? List.of() : values;
	}

	/** A missing date is refused as the form's fault, naming the field, before any command runs. */
	private static LocalDate date(@Nullable LocalDate value) {
		if (value == null) {
			throw DomainException.invalid("plans.error.date-missing");
		}
		return value;
	}

}
