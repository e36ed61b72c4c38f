package org.grassroots.plans.web;

import java.io.IOException;
import java.util.List;

import org.grassroots.plans.Benchmark;
import org.grassroots.plans.Benchmarking;
import org.grassroots.plans.MeasureDetail;
import org.grassroots.plans.MeasureManagement;
import org.grassroots.plans.MeasureProblems;
import org.grassroots.plans.PlanCommands;
import org.grassroots.plans.PlanDetail;
import org.grassroots.plans.PlanManagement;
import org.grassroots.plans.ResearchPlan;
import org.grassroots.plans.WorkMeasure;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.web.Uploads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "Research plans (调研方案) and their work measures (工作举措): progress with evidence, "
		+ "milestones, linked problems, the benchmarking view (对标) and the Excel export; scoped like every other read, "
		+ "except the benchmarking view, which every staff member reads across districts (docs/plans.md)")
class PlanApiController {

	private final PlanManagement plans;

	private final MeasureManagement measures;

	private final MeasureProblems problems;

	private final Benchmarking benchmarking;

	private final PlanExport export;

	PlanApiController(PlanManagement plans, MeasureManagement measures, MeasureProblems problems,
			Benchmarking benchmarking, PlanExport export) {
		this.plans = plans;
		this.measures = measures;
		this.problems = problems;
		this.benchmarking = benchmarking;
		this.export = export;
	}

	@GetMapping
	@Operation(summary = "Plans the caller may read: owned in their scope, or with a measure owned in their scope (at most 500)")
	List<ResearchPlan> list(@AuthenticationPrincipal CurrentUser user) {
		return plans.plans(user);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write a plan for a district or street office the caller administers (default: their own unit); "
			+ "the period's end may not be before its start; at least one category")
	ResearchPlan create(@RequestBody PlanCommands.NewPlan command, @AuthenticationPrincipal CurrentUser user) {
		return plans.createPlan(command, user);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A plan with the measures the caller may read, each with its linked problems closed and linked")
	PlanDetail get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return plans.plan(id, user);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a plan's title, topics, categories, covered units and period, at the version read")
	ResearchPlan update(@PathVariable long id, @RequestBody PlanCommands.EditPlan command,
			@AuthenticationPrincipal CurrentUser user) {
		return plans.updatePlan(id, command, user);
	}

	@PostMapping("/{id}/measures")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a work measure: a category of the plan, an owner unit in the plan's subtree, start and "
			+ "deadline within the plan's period, a target amount with its unit or neither, milestones")
	WorkMeasure addMeasure(@PathVariable long id, @RequestBody PlanCommands.NewMeasure command,
			@AuthenticationPrincipal CurrentUser user) {
		return measures.addMeasure(id, command, user);
	}

	@GetMapping("/measures/{id}")
	@Operation(summary = "A measure in scope with its plan, milestones, progress reports with evidence and linked problems")
	MeasureDetail measure(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return measures.detail(id, user);
	}

	@PutMapping("/measures/{id}")
	@Operation(summary = "Change a measure's title, owner person, start, deadline and target at the version read "
			+ "(whoever writes its plan); the status follows: a target reached makes it done, a deadline moved ahead "
			+ "takes an overdue measure back")
	WorkMeasure editMeasure(@PathVariable long id, @RequestBody PlanCommands.EditMeasure command,
			@AuthenticationPrincipal CurrentUser user) {
		return measures.editMeasure(id, command, user);
	}

	@PostMapping("/measures/{id}/progress")
	@Operation(summary = "Report progress: achieved (the amount so far) or added (since the last report), exactly one; "
			+ "reaching the target makes the measure done")
	WorkMeasure progress(@PathVariable long id, @RequestBody PlanCommands.ReportProgress command,
			@AuthenticationPrincipal CurrentUser user) {
		return measures.reportProgress(id, command, List.of(), user);
	}

	@PostMapping(path = "/measures/{id}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Report progress with evidence files (images or PDF, 10 MB each at most) as multipart parts "
			+ "named file; achieved or added, note and version as form fields")
	WorkMeasure progressWithFiles(@PathVariable long id, @RequestParam(required = false) Integer achieved,
			@RequestParam(required = false) Integer added, @RequestParam(required = false) String note,
			@RequestParam int version, @RequestPart(name = "file", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal CurrentUser user) throws IOException {
		return measures.reportProgress(id, new PlanCommands.ReportProgress(achieved, added, note, version), Uploads.of(files),
				user);
	}

	@PostMapping("/measures/{id}/done")
	@Operation(summary = "Mark the measure done; it needs evidence sent with an earlier progress report")
	WorkMeasure done(@PathVariable long id, @RequestBody PlanCommands.Complete command,
			@AuthenticationPrincipal CurrentUser user) {
		return measures.complete(id, command, List.of(), user);
	}

	/** A milestone to add, at the measure's version. */
	record NewMilestone(String title, java.time.LocalDate dueOn, int version) {

	}

	@PostMapping("/measures/{id}/milestones")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a milestone due within the measure's start and deadline")
	WorkMeasure addMilestone(@PathVariable long id, @RequestBody NewMilestone milestone,
			@AuthenticationPrincipal CurrentUser user) {
		return measures.addMilestone(id, new PlanCommands.NewMilestone(milestone.title(), milestone.dueOn()),
				milestone.version(), user);
	}

	@PostMapping("/measures/{id}/milestones/{milestoneId}/done")
	@Operation(summary = "Mark a milestone done")
	WorkMeasure completeMilestone(@PathVariable long id, @PathVariable long milestoneId,
			@RequestBody PlanCommands.Versioned command, @AuthenticationPrincipal CurrentUser user) {
		return measures.completeMilestone(id, milestoneId, command.version(), user);
	}

	@PostMapping("/measures/{id}/problems")
	@Operation(summary = "Link a problem of the caller's scope by its ledger number (台账编号)")
	WorkMeasure link(@PathVariable long id, @RequestBody PlanCommands.LinkProblem command,
			@AuthenticationPrincipal CurrentUser user) {
		return problems.link(id, command, user);
	}

	@DeleteMapping("/measures/{id}/problems/{problemId}")
	@Operation(summary = "Unlink a problem; progress its closing brought stays")
	WorkMeasure unlink(@PathVariable long id, @PathVariable long problemId, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user) {
		return problems.unlink(id, problemId, version, user);
	}

	@GetMapping("/measures/{id}/evidence/{evidenceId}")
	@Operation(summary = "Download an evidence file of a measure in scope")
	ResponseEntity<StreamingResponseBody> evidence(@PathVariable long id, @PathVariable long evidenceId,
			@AuthenticationPrincipal CurrentUser user) {
		return EvidenceDownloads.of(measures.evidence(id, evidenceId, user));
	}

	@GetMapping("/benchmark")
	@Operation(summary = "Benchmarking (对标): every district's measures on one category side by side, districts best "
			+ "first (mean percentage, then measures on time, then problems closed); visible to every staff member")
	Benchmark benchmark(@RequestParam String category, @AuthenticationPrincipal CurrentUser user) {
		return benchmarking.benchmark(category, user);
	}

	@GetMapping(path = "/export.xlsx", produces = PlanExport.XLSX)
	@Operation(summary = "The plans the caller may read with their measures, as Excel")
	void export(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		export.write(user, response);
	}

}
