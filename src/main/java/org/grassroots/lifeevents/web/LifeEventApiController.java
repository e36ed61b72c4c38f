package org.grassroots.lifeevents.web;

import java.util.List;
import java.util.Map;

import org.grassroots.lifeevents.Application;
import org.grassroots.lifeevents.ApplicationFilter;
import org.grassroots.lifeevents.ApplicationForm;
import org.grassroots.lifeevents.ApplicationOverview;
import org.grassroots.lifeevents.ApplicationState;
import org.grassroots.lifeevents.ApplicationView;
import org.grassroots.lifeevents.CatalogueCommands;
import org.grassroots.lifeevents.CatalogueVersion;
import org.grassroots.lifeevents.DepartmentMappings;
import org.grassroots.lifeevents.DepartmentWork;
import org.grassroots.lifeevents.FieldValue;
import org.grassroots.lifeevents.LifeEvent;
import org.grassroots.lifeevents.LifeEventApplications;
import org.grassroots.lifeevents.LifeEventCatalogue;
import org.grassroots.lifeevents.LifeEventCommands;
import org.grassroots.lifeevents.MyApplications;
import org.grassroots.lifeevents.QueueEntry;
import org.grassroots.lifeevents.TaskFilter;
import org.grassroots.lifeevents.TaskState;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.files.Upload;
import org.grassroots.shared.web.Uploads;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/lifeevents")
@Tag(name = "Life events", description = "One thing done at one time (一件事一次办): the catalogue, a resident's one "
		+ "application, the departments' work queues and actions, the staff's scoped overview and the district mapping of "
		+ "departments. Commands take the version the caller saw and answer 409 when it is stale or the state forbids them; "
		+ "personal values (ID card, phone, address) are masked except for the applicant and, on request, the handling officer")
class LifeEventApiController {

	private final LifeEventCatalogue catalogue;

	private final LifeEventApplications applications;

	private final MyApplications mine;

	private final DepartmentWork work;

	private final ApplicationOverview overview;

	private final DepartmentMappings departments;

	LifeEventApiController(LifeEventCatalogue catalogue, LifeEventApplications applications, MyApplications mine, DepartmentWork work,
			ApplicationOverview overview, DepartmentMappings departments) {
		this.catalogue = catalogue;
		this.applications = applications;
		this.mine = mine;
		this.work = work;
		this.overview = overview;
		this.departments = departments;
	}

	@GetMapping("/catalogue")
	@Operation(summary = "The life events on offer with their current definitions; all=true also the withdrawn ones")
	List<LifeEvent> catalogue(@RequestParam(defaultValue = "false") boolean all) {
		return catalogue.list(all);
	}

	@GetMapping("/catalogue/{code}")
	@Operation(summary = "One life event with its current definition (form fields, documents, department tasks, time limit)")
	LifeEvent event(@PathVariable String code) {
		return catalogue.get(code);
	}

	@GetMapping("/catalogue/{code}/versions/{version}")
	@Operation(summary = "One published version of a life event's definition")
	CatalogueVersion version(@PathVariable String code, @PathVariable int version) {
		return catalogue.version(code, version);
	}

	@PostMapping("/catalogue/{code}/versions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish the next version of a life event (the first for a new code; version 0): city "
			+ "administrator only; applications already filed keep their version; 400 for a definition with duplicate codes, "
			+ "unknown or circular waits or a limit below 1")
	LifeEvent publish(@PathVariable String code, @RequestBody CatalogueCommands.Publish command,
			@AuthenticationPrincipal CurrentUser user) {
		return catalogue.publish(code, command, user);
	}

	@PutMapping("/catalogue/{code}/active")
	@Operation(summary = "Offer a life event to residents or withdraw it (city administrator)")
	LifeEvent setActive(@PathVariable String code, @RequestBody CatalogueCommands.SetActive command,
			@AuthenticationPrincipal CurrentUser user) {
		return catalogue.setActive(code, command, user);
	}

	@GetMapping("/catalogue/{code}/form")
	@Operation(summary = "The form for the caller: the event and the values already known about them (left out when "
			+ "applying, they are filled in) and the documents they gave before (reused unless replaced)")
	ApplicationForm form(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
		return applications.form(code, user);
	}

	@PostMapping("/applications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Apply once: the answers by field key and the community (the caller's own by default); answers "
			+ "a reference number at once and puts every ready task in its department's queue; documents may follow through "
			+ "/my/applications/{id}/documents/{code}. 400 names a missing or wrong answer, an unknown event or a department "
			+ "not mapped in the district, with nothing written")
	Application apply(@RequestBody LifeEventCommands.Apply command, @AuthenticationPrincipal CurrentUser user) {
		return applications.apply(command, Map.of(), user);
	}

	@GetMapping("/my/applications")
	@Operation(summary = "The caller's own applications, newest first")
	List<Application> mine(@AuthenticationPrincipal CurrentUser user) {
		return mine.mine(user);
	}

	@GetMapping("/my/applications/{id}")
	@Operation(summary = "One of the caller's applications with progress per department, requests for material and the "
			+ "result; their own values in full; 404 for anyone else's")
	ApplicationView myApplication(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return mine.mine(id, user);
	}

	@GetMapping("/my/applications/by-reference/{reference}")
	@Operation(summary = "One of the caller's applications by its reference number")
	ApplicationView myByReference(@PathVariable String reference, @AuthenticationPrincipal CurrentUser user) {
		return mine.mine(mine.mineByReference(reference, user), user);
	}

	@PostMapping(path = "/my/applications/{id}/documents/{code}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload (or replace) a required document of an open application of the caller")
	ApplicationView document(@PathVariable long id, @PathVariable String code, @RequestPart("file") MultipartFile file,
			@AuthenticationPrincipal CurrentUser user) {
		return mine.addDocument(id, code, Uploads.read(file), user);
	}

	@GetMapping("/my/applications/{id}/documents/{documentId}")
	@Operation(summary = "A document of one of the caller's applications")
	ResponseEntity<Resource> myDocument(@PathVariable long id, @PathVariable long documentId,
			@AuthenticationPrincipal CurrentUser user) {
		return Downloads.send(mine.document(id, documentId, user));
	}

	@PostMapping("/my/applications/{id}/tasks/{taskId}/answer")
	@Operation(summary = "Answer every item of a task's open request for material at once (answers in the request's "
			+ "order); a blank answer is refused with 400; the task goes back to its department")
	ApplicationView answer(@PathVariable long id, @PathVariable long taskId, @RequestBody LifeEventCommands.Answer command,
			@AuthenticationPrincipal CurrentUser user) {
		return mine.answer(id, taskId, command, Map.<Integer, Upload>of(), user);
	}

	@PostMapping("/my/applications/{id}/rating")
	@Operation(summary = "Rate a completed application once: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED, and a comment")
	ApplicationView rate(@PathVariable long id, @RequestBody LifeEventCommands.Rate command,
			@AuthenticationPrincipal CurrentUser user) {
		return mine.rate(id, command, user);
	}

	@GetMapping("/applications")
	@Operation(summary = "Staff: the applications in the caller's scope, 30 a page, by unit code (subtree), event code, "
			+ "month (yyyy-MM: filed in, or with state COMPLETED/RETURNED completed or returned in), state, overdue, onTime "
			+ "and return reason; the list behind the dashboard's figures")
	ApplicationOverview.Page search(@RequestParam(required = false) String unit, @RequestParam(required = false) String event,
			@RequestParam(required = false) String month, @RequestParam(required = false) ApplicationState state,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean onTime,
			@RequestParam(required = false) String reason, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser user) {
		return overview.search(Filters.of(unit, event, month, state, overdue, onTime, reason), page, user);
	}

	@GetMapping("/applications/{id}")
	@Operation(summary = "Staff: one application in scope (or with a task of the caller's department), personal values masked")
	ApplicationView application(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return overview.get(id, user);
	}

	@GetMapping("/applications/by-reference/{reference}")
	@Operation(summary = "Staff: one application in scope by its reference number")
	ApplicationView byReference(@PathVariable String reference, @AuthenticationPrincipal CurrentUser user) {
		return overview.byReference(reference, user);
	}

	@GetMapping("/tasks")
	@Operation(summary = "The work queue of the caller's department unit: open tasks (or one state), overdue=true for "
			+ "overdue ones; a task still waiting for another is never in a queue")
	List<QueueEntry> queue(@RequestParam(required = false) TaskState state,
			@RequestParam(defaultValue = "false") boolean overdue, @AuthenticationPrincipal CurrentUser user) {
		return work.queue(new TaskFilter(state, overdue), user);
	}

	@GetMapping("/tasks/counts")
	@Operation(summary = "How many of the caller's department's tasks are in each state, and how many open ones are overdue")
	Map<String, Long> counts(@AuthenticationPrincipal CurrentUser user) {
		return work.counts(user);
	}

	@GetMapping("/tasks/{id}")
	@Operation(summary = "A task of the caller's department with its application (masked); 404 for another department's")
	DepartmentWork.TaskView task(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return work.task(id, user);
	}

	@GetMapping("/tasks/{id}/documents/{documentId}")
	@Operation(summary = "A document of the task's application, for the officer handling the task")
	ResponseEntity<Resource> taskDocument(@PathVariable long id, @PathVariable long documentId,
			@AuthenticationPrincipal CurrentUser user) {
		return Downloads.send(work.document(id, documentId, user));
	}

	@GetMapping("/tasks/{id}/answers/{itemId}")
	@Operation(summary = "A file the resident gave in answer to an item of the task's request for material")
	ResponseEntity<Resource> answerFile(@PathVariable long id, @PathVariable long itemId,
			@AuthenticationPrincipal CurrentUser user) {
		return Downloads.send(work.answerFile(id, itemId, user));
	}

	@PostMapping("/tasks/{id}/personal-data")
	@Operation(summary = "The application's personal values in full, for the officer handling the task; every call is "
			+ "audited with the reason given (required, up to 500 characters)")
	List<FieldValue> showInFull(@PathVariable long id, @RequestBody LifeEventCommands.ViewInFull command,
			@AuthenticationPrincipal CurrentUser user) {
		return work.showInFull(id, command, user);
	}

	@PostMapping("/tasks/{id}/accept")
	@Operation(summary = "Accept a pending task")
	DepartmentWork.TaskView accept(@PathVariable long id, @RequestBody LifeEventCommands.Step command,
			@AuthenticationPrincipal CurrentUser user) {
		return work.accept(id, command, user);
	}

	@PostMapping("/tasks/{id}/complete")
	@Operation(summary = "Complete a pending or accepted task with its result (e.g. a certificate number); tasks waiting "
			+ "for it start; the last one completes the application")
	DepartmentWork.TaskView complete(@PathVariable long id, @RequestBody LifeEventCommands.Complete command,
			@AuthenticationPrincipal CurrentUser user) {
		return work.complete(id, command, user);
	}

	@PostMapping("/tasks/{id}/reject")
	@Operation(summary = "Reject a task with a category (NOT_ELIGIBLE, MATERIAL_INVALID, INFORMATION_WRONG, OTHER) and a "
			+ "reason: the whole application is returned and the other open tasks are withdrawn")
	DepartmentWork.TaskView reject(@PathVariable long id, @RequestBody LifeEventCommands.Reject command,
			@AuthenticationPrincipal CurrentUser user) {
		return work.reject(id, command, user);
	}

	@PostMapping("/tasks/{id}/material-requests")
	@Operation(summary = "Ask the resident once for everything missing (one or more items); a second request while one is "
			+ "open answers 409")
	DepartmentWork.TaskView requestMaterial(@PathVariable long id, @RequestBody LifeEventCommands.RequestMaterial command,
			@AuthenticationPrincipal CurrentUser user) {
		return work.requestMaterial(id, command, user);
	}

	@GetMapping("/departments/{district}")
	@Operation(summary = "A district's responsible department per kind of task, and the department units to choose from")
	DepartmentMappings.District departments(@PathVariable String district, @AuthenticationPrincipal CurrentUser user) {
		return departments.district(district, user);
	}

	@PutMapping("/departments/{district}")
	@Operation(summary = "Set the responsible department of a kind in a district (city administrator, or the district's unit "
			+ "administrator); version 0 for a kind not mapped yet")
	DepartmentMappings.District map(@PathVariable String district, @RequestBody LifeEventCommands.MapDepartment command,
			@AuthenticationPrincipal CurrentUser user) {
		return departments.map(district, command, user);
	}

}
