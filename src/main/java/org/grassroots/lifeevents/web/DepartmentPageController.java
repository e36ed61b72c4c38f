package org.grassroots.lifeevents.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.grassroots.lifeevents.ApplicationFilter;
import org.grassroots.lifeevents.ApplicationOverview;
import org.grassroots.lifeevents.ApplicationState;
import org.grassroots.lifeevents.DepartmentKind;
import org.grassroots.lifeevents.DepartmentMappings;
import org.grassroots.lifeevents.DepartmentWork;
import org.grassroots.lifeevents.LifeEventCatalogue;
import org.grassroots.lifeevents.LifeEventCommands;
import org.grassroots.lifeevents.RejectCategory;
import org.grassroots.lifeevents.TaskFilter;
import org.grassroots.lifeevents.TaskState;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.UnitNames;
import org.grassroots.lifeevents.ApplicationView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The staff's pages: a department's work queue and task, the scoped list of applications, the district mapping. */
@PageController
class DepartmentPageController {

	private final DepartmentWork work;

	private final ApplicationOverview overview;

	private final DepartmentMappings departments;

	private final LifeEventCatalogue catalogue;

	private final UnitNames unitNames;

	private final ApplicationExport export;

	private final Messages messages;

	DepartmentPageController(DepartmentWork work, ApplicationOverview overview, DepartmentMappings departments,
			LifeEventCatalogue catalogue, UnitNames unitNames, ApplicationExport export, Messages messages) {
		this.work = work;
		this.overview = overview;
		this.departments = departments;
		this.catalogue = catalogue;
		this.unitNames = unitNames;
		this.export = export;
		this.messages = messages;
	}

	@GetMapping("/lifeevents/tasks")
	String queue(@RequestParam(required = false) TaskState state, @RequestParam(defaultValue = "false") boolean overdue,
			Model model, @AuthenticationPrincipal CurrentUser user) {
		staff(user);
		model.addAttribute("entries", work.queue(new TaskFilter(state, overdue), user));
		model.addAttribute("counts", work.counts(user));
		model.addAttribute("state", state);
		model.addAttribute("overdue", overdue);
		model.addAttribute("states", List.of(TaskState.PENDING, TaskState.ACCEPTED, TaskState.MATERIAL_REQUESTED,
				TaskState.COMPLETED, TaskState.REJECTED));
		var own = unitNames.byIds(List.of(user.unitId())).get(user.unitId());
		model.addAttribute("unitName", own == null ? "" : own.name(lang()));
		return "lifeevents/tasks";
	}

	@GetMapping("/lifeevents/tasks/{id}")
	String task(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		DepartmentWork.TaskView view = work.task(id, user);
		model.addAttribute("view", view);
		model.addAttribute("unitNames", names(view.application()));
		model.addAttribute("categories", RejectCategory.values());
		return "lifeevents/task";
	}

	@GetMapping("/lifeevents/tasks/{id}/documents/{documentId}")
	org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> document(@PathVariable long id,
			@PathVariable long documentId, @AuthenticationPrincipal CurrentUser user) {
		return Downloads.send(work.document(id, documentId, user));
	}

	@GetMapping("/lifeevents/tasks/{id}/answers/{itemId}")
	org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> answerFile(@PathVariable long id,
			@PathVariable long itemId, @AuthenticationPrincipal CurrentUser user) {
		return Downloads.send(work.answerFile(id, itemId, user));
	}

	@PostMapping("/lifeevents/tasks/{id}/full")
	String inFull(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			@AuthenticationPrincipal CurrentUser user) {
		try {
			model.addAttribute("full", work.showInFull(id, new LifeEventCommands.ViewInFull(reason), user));
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
		}
		return task(id, model, user);
	}

	@PostMapping("/lifeevents/tasks/{id}/accept")
	String accept(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return step(id, redirect, "le.accepted", () -> work.accept(id, new LifeEventCommands.Step(version), user));
	}

	@PostMapping("/lifeevents/tasks/{id}/complete")
	String complete(@PathVariable long id, @RequestParam int version, @RequestParam String result,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return step(id, redirect, "le.completed", () -> work.complete(id, new LifeEventCommands.Complete(version, result), user));
	}

	@PostMapping("/lifeevents/tasks/{id}/reject")
	String reject(@PathVariable long id, @RequestParam int version, @RequestParam RejectCategory category,
			@RequestParam String reason, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return step(id, redirect, "le.rejected",
				() -> work.reject(id, new LifeEventCommands.Reject(version, category, reason), user));
	}

	@PostMapping("/lifeevents/tasks/{id}/request")
	String request(@PathVariable long id, @RequestParam int version, @RequestParam String items,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		List<String> lines = Arrays.stream(items.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
		return step(id, redirect, "le.requested",
				() -> work.requestMaterial(id, new LifeEventCommands.RequestMaterial(version, lines), user));
	}

	@GetMapping("/lifeevents/applications")
	String applications(@RequestParam(required = false) String unit, @RequestParam(required = false) String event,
			@RequestParam(required = false) String month, @RequestParam(required = false) ApplicationState state,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean onTime,
			@RequestParam(required = false) String reason, @RequestParam(defaultValue = "0") int page, Model model,
			@AuthenticationPrincipal CurrentUser user) {
		staff(user);
		ApplicationFilter filter = Filters.of(unit, event, month, state, overdue, onTime, reason);
		model.addAttribute("filter", filter);
		model.addAttribute("month", month);
		model.addAttribute("page", overview.search(filter, page, user));
		model.addAttribute("events", catalogue.list(true));
		model.addAttribute("states", ApplicationState.values());
		return "lifeevents/applications";
	}

	@GetMapping("/lifeevents/applications.xlsx")
	void exportApplications(@RequestParam(required = false) String unit, @RequestParam(required = false) String event,
			@RequestParam(required = false) String month, @RequestParam(required = false) ApplicationState state,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean onTime,
			@RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) throws IOException {
		staff(user);
		export.write(overview.export(Filters.of(unit, event, month, state, overdue, onTime, reason), user), response);
	}

	@GetMapping("/lifeevents/applications/{id}")
	String application(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		ApplicationView view = overview.get(id, user);
		model.addAttribute("view", view);
		model.addAttribute("unitNames", names(view));
		return "lifeevents/application";
	}

	@GetMapping("/lifeevents/departments")
	String departments(@RequestParam(required = false) String district, Model model,
			@AuthenticationPrincipal CurrentUser user) {
		staff(user);
		String code = district != null && !district.isBlank() ? district.strip() : ownDistrict(user);
		DepartmentMappings.District mapped = departments.district(code, user);
		model.addAttribute("district", mapped);
		java.util.Map<String, Long> chosen = new java.util.HashMap<>();
		java.util.Map<String, Integer> versions = new java.util.HashMap<>();
		java.util.Map<String, String> chosenNames = new java.util.HashMap<>();
		var named = unitNames.byIds(mapped.mappings().stream().map(m -> m.departmentId()).toList());
		mapped.mappings().forEach(mapping -> {
			chosen.put(mapping.kind().name(), mapping.departmentId());
			versions.put(mapping.kind().name(), mapping.version());
			var unit = named.get(mapping.departmentId());
			chosenNames.put(mapping.kind().name(), unit == null ? "" : unit.name(lang()));
		});
		model.addAttribute("chosen", chosen);
		model.addAttribute("versions", versions);
		model.addAttribute("chosenNames", chosenNames);
		model.addAttribute("kinds", Arrays.stream(DepartmentKind.values()).filter(kind -> kind != DepartmentKind.COMMUNITY).toList());
		model.addAttribute("editor", user.has(Role.CITY_ADMIN) || user.has(Role.UNIT_ADMIN));
		return "lifeevents/departments";
	}

	@PostMapping("/lifeevents/departments")
	String map(@RequestParam String district, @RequestParam DepartmentKind kind, @RequestParam int version,
			@RequestParam long departmentId, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			departments.map(district, new LifeEventCommands.MapDepartment(version, kind, departmentId), user);
			redirect.addFlashAttribute("notice", messages.text("le.departments.saved"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/lifeevents/departments?district=" + district;
	}

	/** The district the person's unit lies in; the city office starts at Nan'an's first district in its path. */
	private static String ownDistrict(CurrentUser user) {
		String[] codes = user.unitPath().split("/");
		return codes.length > 2 ? codes[2] : "500108";
	}

	private static void staff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new NotFoundException("page", "lifeevents");
		}
	}

	private String step(long id, RedirectAttributes redirect, String notice, Runnable command) {
		try {
			command.run();
			redirect.addFlashAttribute("notice", messages.text(notice));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/lifeevents/tasks/" + id;
	}

	private java.util.Map<Long, UnitNames.Named> names(ApplicationView view) {
		return names(unitNames, view);
	}

	/** The names of the application's community and its tasks' departments. */
	static java.util.Map<Long, UnitNames.Named> names(UnitNames unitNames, ApplicationView view) {
		List<Long> ids = new java.util.ArrayList<>(view.tasks().stream().map(task -> task.departmentId()).toList());
		ids.add(view.application().communityId());
		return unitNames.byIds(ids);
	}

	private static String lang() {
		return org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
	}

}
