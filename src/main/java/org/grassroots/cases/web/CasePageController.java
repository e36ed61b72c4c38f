package org.grassroots.cases.web;

import java.util.List;
import java.util.Optional;

import org.grassroots.cases.CaseAction;
import org.grassroots.cases.CaseApproval;
import org.grassroots.cases.CaseCommands;
import org.grassroots.cases.CaseFilter;
import org.grassroots.cases.CaseLibrary;
import org.grassroots.cases.CaseReach;
import org.grassroots.cases.CaseRules;
import org.grassroots.cases.CaseSource;
import org.grassroots.cases.CaseState;
import org.grassroots.cases.CaseWriting;
import org.grassroots.cases.MeasureSource;
import org.grassroots.cases.TypicalCase;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.AccountNames;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.UnitNames;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.Uploads;
import org.jspecify.annotations.Nullable;
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
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case library's pages: search, the approvals queue, one case with its actions, and the write and edit form. */
@PageController
@RequestMapping("/cases")
class CasePageController {

	private final CaseLibrary library;

	private final CaseWriting writing;

	private final CaseApproval approval;

	private final ProblemViews problems;

	private final MeasureSource measures;

	private final Messages messages;

	private final UnitNames unitNames;

	private final AccountNames accountNames;

	CasePageController(CaseLibrary library, CaseWriting writing, CaseApproval approval, ProblemViews problems,
			MeasureSource measures, Messages messages, UnitNames unitNames, AccountNames accountNames) {
		this.measures = measures;
		this.unitNames = unitNames;
		this.accountNames = accountNames;
		this.library = library;
		this.writing = writing;
		this.approval = approval;
		this.problems = problems;
		this.messages = messages;
	}

	/** What the write and edit form shows, as sent or as stored. */
	record Form(@Nullable Long id, int version, String ledgerNo, String title, String categoryCode, String background,
			String actions, String result, String lessons, CaseReach reach, MeasureSource.@Nullable Measure measure) {

	}

	@GetMapping
	String library(@RequestParam(required = false) String category, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String q, @RequestParam(required = false) CaseState state,
			@RequestParam(defaultValue = "0") int page, Model model, @AuthenticationPrincipal CurrentUser user) {
		UnitChoice chosen = UnitChoice.of(unit, unitNames, messages);
		CaseFilter filter = new CaseFilter(category, chosen.code(), q, state, false);
		show(chosen.error() != null ? new CaseLibrary.Page(List.of(), 0, false) : library.search(filter, user, page), model);
		chosen.addTo(model);
		model.addAttribute("filter", filter);
		model.addAttribute("categories", problems.categories());
		model.addAttribute("states", CaseState.values());
		model.addAttribute("writer", CaseRules.writes(user));
		return "cases/library";
	}

	@GetMapping("/approvals")
	String approvals(@RequestParam(defaultValue = "0") int page, Model model, @AuthenticationPrincipal CurrentUser user) {
		show(library.waiting(user, page), model);
		return "cases/approvals";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		CaseLibrary.Detail detail = library.detail(id, user);
		TypicalCase typical = detail.typical();
		model.addAttribute("d", detail);
		model.addAttribute("c", typical);
		model.addAttribute("allowed", detail.allowed().stream().map(Enum::name).toList());
		model.addAttribute("unitNames", library.unitsOf(List.of(typical)));
		model.addAttribute("sourceLink", sourceLink(typical, user));
		model.addAttribute("sourceName", sourceName(typical, user));
		model.addAttribute("people", accountNames.displayNames(typical.decidedBy() == null ? List.of(typical.writtenBy())
				: List.of(typical.writtenBy(), typical.decidedBy())));
		return "cases/detail";
	}

	@GetMapping("/new")
	String writeForm(@RequestParam(required = false) Long problem, @RequestParam(required = false) Long measure,
			Model model, @AuthenticationPrincipal CurrentUser user) {
		if (!CaseRules.writes(user)) {
			throw DomainException.forbidden("cases.error.not-office");
		}
		Form form = new Form(null, 0, "", "", "", "", "", "", "", CaseReach.SUBTREE, null);
		if (problem != null) {
			Problem source = problems.get(problem, user);
			form = new Form(null, 0, source.ledgerNo(), source.title(), source.categoryCode(),
					source.description() == null ? "" : source.description(), source.measures() == null ? "" : source.measures(),
					"", "", CaseReach.SUBTREE, null);
		}
		else if (measure != null) {
			MeasureSource.Measure source = measures.find(measure, user)
				.orElseThrow(() -> new NotFoundException("work measure", measure));
			form = new Form(null, 0, "", source.title(), source.categoryCode() == null ? "" : source.categoryCode(), "", "",
					"", "", CaseReach.SUBTREE, source);
		}
		return form(form, model, user);
	}

	@PostMapping("/new")
	String write(@RequestParam(defaultValue = "") String ledgerNo, @RequestParam(required = false) Long measureId,
			@RequestParam String title, @RequestParam String categoryCode,
			@RequestParam String background, @RequestParam String actions, @RequestParam String result,
			@RequestParam(required = false) String lessons, @RequestParam(defaultValue = "SUBTREE") CaseReach reach,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		MeasureSource.Measure measure = measureId == null ? null : measures.find(measureId, user)
			.orElseThrow(() -> new NotFoundException("work measure", measureId));
		Form form = new Form(null, 0, ledgerNo, title, categoryCode, background, actions, result, lessons == null ? "" : lessons,
				reach, measure);
		try {
			CaseSource kind = measure == null ? CaseSource.PROBLEM : CaseSource.MEASURE;
			long sourceId = measure != null ? measure.id() : problems.byLedgerNo(ledgerNo, user)
				.orElseThrow(() -> DomainException.invalid("cases.error.ledger-no", ledgerNo))
				.id();
			TypicalCase written = writing.write(new CaseCommands.Write(kind, sourceId, title, categoryCode, background,
					actions, result, lessons, reach), Uploads.of(photos), user);
			redirect.addFlashAttribute("notice", messages.text("cases.written", written.title()));
			return "redirect:/cases/" + written.id();
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
			return form(form, model, user);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		CaseLibrary.Detail detail = library.detail(id, user);
		TypicalCase c = detail.typical();
		// the form only for those who may send it: the writers of a draft or returned case
		CaseRules.check(CaseAction.EDIT, c.state(), detail.parties());
		return form(new Form(c.id(), c.version(), c.sourceRef(), c.title(), c.categoryCode(), c.background(), c.actions(),
				c.result(), c.lessons() == null ? "" : c.lessons(), c.reach(), measureOf(c, user)), model, user);
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable long id, @RequestParam int version, @RequestParam String title,
			@RequestParam String categoryCode, @RequestParam String background, @RequestParam String actions,
			@RequestParam String result, @RequestParam(required = false) String lessons,
			@RequestParam(defaultValue = "SUBTREE") CaseReach reach, Model model, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			writing.edit(id, new CaseCommands.Edit(version, title, categoryCode, background, actions, result, lessons, reach),
					user);
			redirect.addFlashAttribute("notice", messages.text("cases.saved"));
			return "redirect:/cases/" + id;
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
			TypicalCase c = library.get(id, user);
			return form(new Form(id, version, c.sourceRef(), title, categoryCode, background, actions, result,
					lessons == null ? "" : lessons, reach, measureOf(c, user)), model, user);
		}
	}

	@PostMapping("/{id}/photos")
	String addPhotos(@PathVariable long id, @RequestParam int version,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return step(id, redirect, "cases.photos-added", () -> writing.addPhotos(id, version, Uploads.of(photos), user));
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return step(id, redirect, "cases.submitted", () -> writing.submit(id, new CaseCommands.Step(version), user));
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		return step(id, redirect, "cases.withdrawn", () -> writing.withdraw(id, new CaseCommands.Step(version), user));
	}

	@PostMapping("/{id}/approve")
	String approve(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) CaseReach reach,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return step(id, redirect, "cases.approved", () -> approval.approve(id, new CaseCommands.Approve(version, reach), user));
	}

	@PostMapping("/{id}/return")
	String returnCase(@PathVariable long id, @RequestParam int version, @RequestParam String reason,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return step(id, redirect, "cases.returned",
				() -> approval.returnCase(id, new CaseCommands.Return(version, reason), user));
	}

	@PostMapping("/{id}/reach")
	String reach(@PathVariable long id, @RequestParam int version, @RequestParam CaseReach reach,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		return step(id, redirect, "cases.reach-changed",
				() -> approval.changeReach(id, new CaseCommands.ChangeReach(version, reach), user));
	}

	@GetMapping("/{id}/photos/{photoId}")
	ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long photoId,
			@AuthenticationPrincipal CurrentUser user) {
		CaseLibrary.PhotoFile photo = library.photo(id, photoId, user);
		return Files.send(photo.photo().fileName(), photo.photo().contentType(), photo.photo().sizeBytes(), photo.file());
	}

	private String step(long id, RedirectAttributes redirect, String done, java.util.function.Supplier<TypicalCase> command) {
		try {
			command.get();
			redirect.addFlashAttribute("notice", messages.text(done));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/cases/" + id;
	}

	private String form(Form form, Model model, CurrentUser user) {
		model.addAttribute("form", form);
		model.addAttribute("categories", problems.categories());
		model.addAttribute("cityOffice", CaseRules.topUnit(user.unitPath()));
		model.addAttribute("maxPhotos", CaseWriting.MAX_PHOTOS);
		return "cases/form";
	}

	private void show(CaseLibrary.Page page, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("unitNames", library.unitsOf(page.items()));
	}

	private MeasureSource.@Nullable Measure measureOf(TypicalCase typical, CurrentUser user) {
		return typical.sourceKind() == CaseSource.MEASURE ? measures.find(typical.sourceId(), user).orElse(null) : null;
	}

	/** The source problem's or measure's page, when the reader may open it. */
	private @Nullable String sourceLink(TypicalCase typical, CurrentUser user) {
		if (typical.sourceKind() == CaseSource.MEASURE) {
			return measures.find(typical.sourceId(), user).map(found -> "/plans/measures/" + found.id()).orElse(null);
		}
		Optional<Problem> problem = problems.byLedgerNo(typical.sourceRef(), user);
		return problem.map(found -> "/problems/" + found.id()).orElse(null);
	}

	/** How the source is named: a problem by its ledger number, a measure by its title where the reader may read it. */
	private String sourceName(TypicalCase typical, CurrentUser user) {
		if (typical.sourceKind() == CaseSource.MEASURE) {
			return measures.find(typical.sourceId(), user).map(MeasureSource.Measure::title).orElse(typical.sourceRef());
		}
		return typical.sourceRef();
	}

}
