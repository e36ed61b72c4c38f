package org.grassroots.problems.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.grassroots.problems.Attachment;
import org.grassroots.problems.Category;
import org.grassroots.problems.Notice;
import org.grassroots.problems.Problem;
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
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Idempotency;
import org.grassroots.shared.web.Uploads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
@RequestMapping("/api/v1/problems")
@Tag(name = "Problems", description = "The problem inventory and its workflow, within the caller's data scope; "
		+ "every command takes the version the caller saw and answers 409 when it is stale or the state forbids it")
class ProblemApiController {

	private final ProblemIntake intake;

	private final ProblemDispatch dispatch;

	private final ProblemRectification rectification;

	private final ProblemSupervision supervision;

	private final ProblemEvaluation evaluation;

	private final ProblemCategories categories;

	private final ProblemViews views;

	private final LedgerExport export;

	private final Idempotency idempotency;

	/** The OpenAPI description of the header on every create operation. */
	static final String IDEMPOTENCY_KEY = "Optional, 1 to 255 printable ASCII characters (a random UUID is best). "
			+ "A retry with the same key by the same caller within 24 hours answers the first result (same status "
			+ "and body) without creating anything again; the same key with a different request answers 422. "
			+ "A retry while the first is still running waits for it (409 if it takes longer than 15 s). "
			+ "Only successes are kept: a refused request runs again when retried.";

	ProblemApiController(ProblemIntake intake, ProblemDispatch dispatch, ProblemRectification rectification,
			ProblemSupervision supervision, ProblemEvaluation evaluation, ProblemCategories categories, ProblemViews views,
			LedgerExport export, Idempotency idempotency) {
		this.intake = intake;
		this.dispatch = dispatch;
		this.rectification = rectification;
		this.supervision = supervision;
		this.evaluation = evaluation;
		this.categories = categories;
		this.views = views;
		this.export = export;
		this.idempotency = idempotency;
	}

	@GetMapping
	@Operation(summary = "Search problems in scope with filters, 20 a page, overdue and supervised first")
	ProblemViews.Page search(@RequestParam(required = false) ProblemState state,
			@RequestParam(required = false) String category, @RequestParam(required = false) ProblemSource source,
			@RequestParam(required = false) String unit, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Boolean supervised,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser user) {
		return views.search(new ProblemFilter(state, category, source, unit, overdue, supervised, from, to, q), user, page);
	}

	@GetMapping(path = "/export.xlsx", produces = LedgerExport.XLSX)
	@Operation(summary = "The rectification ledger (整改台账) of the filtered list as Excel, streamed; phones masked")
	void exportXlsx(@RequestParam(required = false) ProblemState state, @RequestParam(required = false) String category,
			@RequestParam(required = false) ProblemSource source, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean supervised,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @AuthenticationPrincipal CurrentUser user,
			HttpServletResponse response) throws IOException {
		export.write(new ProblemFilter(state, category, source, unit, overdue, supervised, from, to, q), user, response);
	}

	@GetMapping("/queue")
	@Operation(summary = "The caller's unit's work queue: overdue first, then by deadline, 20 a page")
	ProblemViews.Page queue(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user) {
		return views.queue(user, page);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One problem with its timeline, milestones, attachments, supervisions, summonses, children "
			+ "and the actions the caller may take now; 404 outside the caller's scope")
	ProblemViews.Detail get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return views.detail(id, user);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a problem found by the caller's unit (or a unit in scope); it gets a ledger number at once")
	Problem register(@RequestBody ProblemCommands.Register command,
			@RequestHeader(name = Idempotency.HEADER, required = false) @Parameter(description = IDEMPOTENCY_KEY) String key,
			@AuthenticationPrincipal CurrentUser user) {
		return idempotency.once(key, "problems.register:account:" + user.accountId(), command, Problem.class,
				() -> intake.register(command, List.of(), user));
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "Accept a reported problem (handling unit)")
	Problem accept(@PathVariable long id, @RequestBody ProblemCommands.Decide command, @AuthenticationPrincipal CurrentUser user) {
		return dispatch.accept(id, command, user);
	}

	@PostMapping("/{id}/decline")
	@Operation(summary = "Decline a reported problem with a reason in note (handling unit)")
	Problem decline(@PathVariable long id, @RequestBody ProblemCommands.Decide command, @AuthenticationPrincipal CurrentUser user) {
		return dispatch.decline(id, command, user);
	}

	@PostMapping("/{id}/assign")
	@Operation(summary = "Assign to a unit at or below the handling unit and a person, with a deadline (default by category and urgency)")
	Problem assign(@PathVariable long id, @RequestBody ProblemCommands.Assign command, @AuthenticationPrincipal CurrentUser user) {
		return dispatch.assign(id, command, user);
	}

	@PostMapping("/{id}/delegate")
	@Operation(summary = "Pass the dispatching down to a unit below the handling unit")
	Problem delegate(@PathVariable long id, @RequestBody ProblemCommands.Delegate command, @AuthenticationPrincipal CurrentUser user) {
		return dispatch.delegate(id, command, user);
	}

	@PostMapping("/{id}/split")
	@Operation(summary = "Split into child problems, one per unit below; the parent closes only when every child has")
	Problem split(@PathVariable long id, @RequestBody ProblemCommands.Split command, @AuthenticationPrincipal CurrentUser user) {
		return dispatch.split(id, command, user);
	}

	@PostMapping("/{id}/escalate")
	@Operation(summary = "Escalate to an upper unit (default: the parent of the unit holding it), which takes it over")
	Problem escalate(@PathVariable long id, @RequestBody ProblemCommands.Escalate command, @AuthenticationPrincipal CurrentUser user) {
		return dispatch.escalate(id, command, user);
	}

	@PostMapping("/{id}/plan")
	@Operation(summary = "Record the rectification plan and measures; the problem is then being rectified. "
			+ "With measuresPublic the resident's tracking page shows the measures")
	Problem plan(@PathVariable long id, @RequestBody ProblemCommands.Plan command, @AuthenticationPrincipal CurrentUser user) {
		return rectification.plan(id, command, user);
	}

	@PostMapping("/{id}/notes")
	@Operation(summary = "Add a progress note; with notePublic the resident's tracking page shows it")
	Problem note(@PathVariable long id, @RequestBody ProblemCommands.Note command, @AuthenticationPrincipal CurrentUser user) {
		return rectification.note(id, command, user);
	}

	@PostMapping("/{id}/milestones/{seq}/complete")
	@Operation(summary = "Mark a milestone of a long-term problem done")
	Problem completeMilestone(@PathVariable long id, @PathVariable int seq, @RequestBody ProblemCommands.Decide command,
			@AuthenticationPrincipal CurrentUser user) {
		return rectification.completeMilestone(id, seq, command.version(), user);
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit the rectification with its evidence (attach files first)")
	Problem submit(@PathVariable long id, @RequestBody ProblemCommands.Submit command, @AuthenticationPrincipal CurrentUser user) {
		return rectification.submit(id, command, List.of(), user);
	}

	@PostMapping("/{id}/recognize")
	@Operation(summary = "Recognize the rectification for the caller's side; the second side's recognition closes it")
	Problem recognize(@PathVariable long id, @RequestBody ProblemCommands.Decide command, @AuthenticationPrincipal CurrentUser user) {
		return rectification.recognize(id, command, user);
	}

	@PostMapping("/{id}/return")
	@Operation(summary = "Return the rectification with a reason in note; a second return brings automatic supervision")
	Problem returnRectification(@PathVariable long id, @RequestBody ProblemCommands.Decide command,
			@AuthenticationPrincipal CurrentUser user) {
		return rectification.returnRectification(id, command, user);
	}

	@PostMapping("/{id}/supervise")
	@Operation(summary = "Issue a supervision (督办) from a unit above; raises priority until the problem closes")
	Problem supervise(@PathVariable long id, @RequestBody ProblemCommands.Supervise command, @AuthenticationPrincipal CurrentUser user) {
		return supervision.supervise(id, command, user);
	}

	@PostMapping("/{id}/publish")
	@Operation(summary = "Show the title to the public (duplicate hint, linking reports) or withdraw it "
			+ "(handling unit or a unit above)")
	Problem publish(@PathVariable long id, @RequestBody ProblemCommands.Publish command, @AuthenticationPrincipal CurrentUser user) {
		return dispatch.publish(id, command, user);
	}

	@PostMapping("/{id}/summons")
	@Operation(summary = "A street summons departments of its district (吹哨报到)")
	Problem summon(@PathVariable long id, @RequestBody ProblemCommands.Summon command, @AuthenticationPrincipal CurrentUser user) {
		return supervision.summon(id, command, user);
	}

	@PostMapping("/{id}/summons/report-in")
	@Operation(summary = "A summoned department reports in and names its person")
	Problem reportIn(@PathVariable long id, @RequestBody ProblemCommands.ReportIn command, @AuthenticationPrincipal CurrentUser user) {
		return supervision.reportIn(id, command, user);
	}

	@PostMapping("/{id}/summons/act")
	@Operation(summary = "A summoned department records what it did")
	Problem act(@PathVariable long id, @RequestBody ProblemCommands.ActOnSummons command, @AuthenticationPrincipal CurrentUser user) {
		return supervision.actOnSummons(id, command, user);
	}

	@PostMapping("/{id}/review")
	@Operation(summary = "The upper unit decides a dissatisfied evaluation: reopen, or uphold the closure")
	Problem review(@PathVariable long id, @RequestBody ProblemCommands.Review command, @AuthenticationPrincipal CurrentUser user) {
		return evaluation.review(id, command, user);
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Attach an image or PDF (10 MB at most; the type is read from the content); with "
			+ "filePublic=true the resident's tracking page shows it")
	Attachment attach(@PathVariable long id, @RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean filePublic, @AuthenticationPrincipal CurrentUser user)
			throws IOException {
		return rectification.attach(id, Uploads.read(file), filePublic, user);
	}

	@PostMapping("/{id}/attachments/{attachmentId}/publish")
	@Operation(summary = "Show an attached file on the resident's tracking page, or withdraw it")
	Attachment publishFile(@PathVariable long id, @PathVariable long attachmentId,
			@RequestBody ProblemCommands.PublishFile command, @AuthenticationPrincipal CurrentUser user) {
		return rectification.publishFile(id, attachmentId, command, user);
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@Operation(summary = "Download an attachment of a problem in scope")
	ResponseEntity<StreamingResponseBody> download(@PathVariable long id, @PathVariable long attachmentId,
			@AuthenticationPrincipal CurrentUser user) {
		return Downloads.of(views.attachment(id, attachmentId, user));
	}

	@GetMapping("/categories")
	@Operation(summary = "Problem categories and their time limits in hours")
	List<Category> categories() {
		return views.categories();
	}

	@PutMapping("/categories/{code}")
	@Operation(summary = "Change a category's names and time limits (city administrator)")
	Category updateCategory(@PathVariable String code, @RequestBody CategoryChange category,
			@AuthenticationPrincipal CurrentUser user) {
		return categories.updateCategory(new Category(code, category.nameZh(), category.nameEn(), category.responseHours(),
				category.emergencyHours(), category.utilityHours(), category.generalHours(), category.complexHours(),
				category.sortOrder(), category.version()), user);
	}

	/** A category's new names and time limits; its code is the path's. */
	record CategoryChange(String nameZh, String nameEn, int responseHours, int emergencyHours, int utilityHours,
			int generalHours, int complexHours, int sortOrder, int version) {

	}

	@GetMapping("/inbox")
	@Operation(summary = "The caller's inbox: notices to their unit, newest first (at most 100), each marked done or not;"
			+ " done=false for those still to do, done=true for those done; pending counts what still needs doing")
	Map<String, Object> inbox(@RequestParam(required = false) Boolean done, @AuthenticationPrincipal CurrentUser user) {
		List<Notice> notices = views.inbox(user, done);
		return Map.of("pending", views.pending(user), "unread", views.unread(user), "notices", notices);
	}

}
