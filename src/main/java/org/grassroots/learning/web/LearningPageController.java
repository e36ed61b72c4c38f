package org.grassroots.learning.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.grassroots.learning.LearningCommands;
import org.grassroots.learning.LearningCoverage;
import org.grassroots.learning.CheckIns;
import org.grassroots.learning.LearningManagement;
import org.grassroots.learning.MemberImport;
import org.grassroots.learning.LearningPoint;
import org.grassroots.learning.StudyPlan;
import org.grassroots.learning.StudySession;
import org.grassroots.learning.internal.QrImages;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Times;
import org.grassroots.shared.web.FileNames;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.UnitManagement;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The administrators' learning pages: plans and coverage, points with their QR codes, sessions, member import. */
@PageController
@RequestMapping("/learning")
class LearningPageController {

	private final LearningManagement learning;

	private final CheckIns checkIns;

	private final LearningCoverage coverage;

	private final MemberImport members;

	private final QrImages images;

	private final CoverageExport export;

	private final ProblemViews problems;

	private final Messages messages;

	private final UnitManagement units;

	LearningPageController(LearningManagement learning, CheckIns checkIns, LearningCoverage coverage, MemberImport members, QrImages images,
			CoverageExport export, ProblemViews problems, Messages messages, UnitManagement units) {
		this.learning = learning;
		this.checkIns = checkIns;
		this.coverage = coverage;
		this.members = members;
		this.images = images;
		this.export = export;
		this.problems = problems;
		this.messages = messages;
		this.units = units;
	}

	@GetMapping
	String plans(Model model, @AuthenticationPrincipal CurrentUser user) {
		List<StudyPlan> plans = learning.plans(user);
		model.addAttribute("plans", plans);
		model.addAttribute("unitNames", units.byIds(plans.stream().map(StudyPlan::unitId).distinct().toList()));
		return "learning/plans";
	}

	@PostMapping("/plans")
	String createPlan(@RequestParam String title, @RequestParam(required = false) String materials,
			@RequestParam(required = false) String links,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodStart,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodEnd, @RequestParam int requiredCount,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			var plan = learning.createPlan(new LearningCommands.NewPlan(title, materials, links, null, periodStart, periodEnd,
					requiredCount), user);
			redirect.addFlashAttribute("notice", messages.text("learning.plan.created", plan.title()));
			return "redirect:/learning/plans/" + plan.id();
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
			return "redirect:/learning";
		}
	}

	@GetMapping("/plans/{id}")
	String coverage(@PathVariable long id, @RequestParam(required = false) Long unitId, Model model,
			@AuthenticationPrincipal CurrentUser user) {
		model.addAttribute("coverage", coverage.coverage(id, unitId, user));
		model.addAttribute("behind", coverage.behind(id, unitId, user, 200));
		model.addAttribute("unitId", unitId);
		return "learning/plan";
	}

	@GetMapping("/plans/{id}/coverage.xlsx")
	void exportCoverage(@PathVariable long id, @RequestParam(required = false) Long unitId,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		export.write(id, unitId, user, response);
	}

	@GetMapping("/points")
	String points(Model model, @AuthenticationPrincipal CurrentUser user) {
		model.addAttribute("points", learning.points(user));
		return "learning/points";
	}

	@PostMapping("/points")
	String createPoint(@RequestParam String name, @RequestParam String kind, @RequestParam(required = false) String address,
			@RequestParam(required = false) String openingHours, @RequestParam(required = false) String materials,
			@RequestParam(defaultValue = "false") boolean restricted, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			LearningPoint point = learning.createPoint(new LearningCommands.NewPoint(name, kind, null, address, openingHours,
					materials, restricted), user);
			redirect.addFlashAttribute("notice", messages.text("learning.point.created", point.name()));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/learning/points";
	}

	@GetMapping(path = "/points/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> pointQr(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		LearningPoint point = learning.point(id, user);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header(HttpHeaders.CONTENT_DISPOSITION, FileNames.inline(
					FileNames.of("png", messages.text("export.file.qr"), point.name()), FileNames.of("png", "qr-point", id)))
			.body(images.png(LearningApiController.absolute(learning.pointLink(id, user)), 480));
	}

	@GetMapping(path = "/points/{id}/poster.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> poster(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		LearningPoint point = learning.point(id, user);
		String url = LearningApiController.absolute(learning.pointLink(id, user));
		byte[] pdf = images.poster(point.name(), url, List.of(messages.text("learning.poster.scan"),
				point.address() == null ? "" : point.address(), point.openingHours() == null ? "" : point.openingHours()));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, FileNames.inline(
					FileNames.of("pdf", messages.text("export.file.poster"), point.name()), FileNames.of("pdf", "poster-point", id)))
			.body(pdf);
	}

	@GetMapping("/sessions")
	String sessions(Model model, @AuthenticationPrincipal CurrentUser user) {
		List<StudySession> sessions = learning.sessions(user);
		model.addAttribute("sessions", sessions);
		model.addAttribute("attendance", sessions.stream()
			.collect(java.util.stream.Collectors.toMap(StudySession::id, session -> learning.attendance(session.id()))));
		model.addAttribute("plans", learning.plans(user));
		model.addAttribute("categories", problems.categories());
		// the list and the code only for those who record: the host's staff and administrators above it
		List<Long> recordable = sessions.stream().filter(session -> learning.records(session, user)).map(StudySession::id).toList();
		model.addAttribute("recordable", recordable);
		model.addAttribute("attendees", recordable.stream()
			.collect(java.util.stream.Collectors.toMap(id -> id, id -> learning.attendees(id, user))));
		return "learning/sessions";
	}

	@PostMapping("/sessions")
	String createSession(@RequestParam(required = false) Long planId, @RequestParam String kind, @RequestParam String topic,
			@RequestParam String speaker, @RequestParam String place,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			Instant at = startsAt.atZone(Times.ZONE).toInstant();
			learning.createSession(new LearningCommands.NewSession(planId, kind, topic, speaker, place, null, at), user);
			redirect.addFlashAttribute("notice", messages.text("learning.session.created", topic));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/learning/sessions";
	}

	@PostMapping("/sessions/{id}/attendance")
	String attendance(@PathVariable long id, @RequestParam(name = "accountIds", required = false) List<Long> accountIds,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			int added = checkIns.recordAttendance(id, accountIds == null ? List.of() : accountIds, user);
			redirect.addFlashAttribute("notice", messages.text("learning.session.recorded", added));
		}
		catch (DomainException | org.grassroots.shared.NotFoundException ex) {
			redirect.addFlashAttribute("error", ex instanceof DomainException refusal ? messages.text(refusal)
					: messages.text("error.404.text"));
		}
		return "redirect:/learning/sessions";
	}

	@GetMapping(path = "/sessions/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> sessionQr(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return png(images.png(LearningApiController.absolute(learning.sessionLink(id, user)), 480));
	}

	@PostMapping("/sessions/{id}/problems")
	String raise(@PathVariable long id, @RequestParam String title, @RequestParam String description,
			@RequestParam String categoryCode, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			Problem problem = learning.raiseProblem(id, title, description, categoryCode, user);
			redirect.addFlashAttribute("notice", messages.text("problems.registered", problem.ledgerNo()));
			return "redirect:/problems/" + problem.id();
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
			return "redirect:/learning/sessions";
		}
	}

	@GetMapping("/members/import")
	String importForm() {
		return "learning/import";
	}

	@PostMapping("/members/import")
	String importMembers(@RequestParam("file") MultipartFile file, Model model, @AuthenticationPrincipal CurrentUser user)
			throws IOException {
		try {
			var imported = members.importMembers(new String(file.getBytes(), StandardCharsets.UTF_8), user);
			model.addAttribute("imported", imported);
			model.addAttribute("notice", messages.text("learning.import.done", imported.size()));
		}
		catch (MemberImport.ImportRefused ex) {
			model.addAttribute("error", messages.text(ex));
			model.addAttribute("rows", ex.localized(messages.source()));
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
		}
		return "learning/import";
	}

	private static ResponseEntity<byte[]> png(byte[] bytes) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(bytes);
	}

}
