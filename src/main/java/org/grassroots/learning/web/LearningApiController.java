package org.grassroots.learning.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.grassroots.learning.Coverage;
import org.grassroots.learning.LearningCommands;
import org.grassroots.learning.LearningCoverage;
import org.grassroots.learning.CheckIns;
import org.grassroots.learning.LearningManagement;
import org.grassroots.learning.MemberImport;
import org.grassroots.learning.LearningPoint;
import org.grassroots.learning.MemberStatus;
import org.grassroots.learning.StudyPlan;
import org.grassroots.learning.StudySession;
import org.grassroots.problems.Problem;
import org.grassroots.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@RequestMapping("/api/v1/learning")
@Tag(name = "Learning", description = "Study plans, sessions, learning points with QR check-in, coverage; members check in "
		+ "and read their own progress, administrators work within their subtree")
class LearningApiController {

	private final LearningManagement learning;

	private final CheckIns checkIns;

	private final LearningCoverage coverage;

	private final MemberImport members;

	private final CoverageExport export;

	LearningApiController(LearningManagement learning, CheckIns checkIns, LearningCoverage coverage, MemberImport members,
			CoverageExport export) {
		this.learning = learning;
		this.checkIns = checkIns;
		this.coverage = coverage;
		this.members = members;
		this.export = export;
	}

	@GetMapping("/plans")
	@Operation(summary = "Plans in the caller's scope and plans that target the caller's unit")
	List<StudyPlan> plans(@AuthenticationPrincipal CurrentUser user) {
		return learning.plans(user);
	}

	@PostMapping("/plans")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a plan for a unit in the administrator's subtree (default: their own unit)")
	StudyPlan createPlan(@RequestBody LearningCommands.NewPlan command, @AuthenticationPrincipal CurrentUser user) {
		return learning.createPlan(command, user);
	}

	@GetMapping("/plans/{id}/coverage")
	@Operation(summary = "Coverage of a plan over a unit (default: the plan's unit), one row per unit directly below")
	Coverage coverage(@PathVariable long id, @RequestParam(required = false) Long unitId,
			@AuthenticationPrincipal CurrentUser user) {
		return coverage.coverage(id, unitId, user);
	}

	@GetMapping("/plans/{id}/behind")
	@Operation(summary = "Members below the requirement, with their units (at most 1,000)")
	List<MemberStatus> behind(@PathVariable long id, @RequestParam(required = false) Long unitId,
			@AuthenticationPrincipal CurrentUser user) {
		return coverage.behind(id, unitId, user, 1000);
	}

	@GetMapping(path = "/plans/{id}/coverage.xlsx", produces = CoverageExport.XLSX)
	@Operation(summary = "Coverage and the members below the requirement, as Excel")
	void exportCoverage(@PathVariable long id, @RequestParam(required = false) Long unitId,
			@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
		export.write(id, unitId, user, response);
	}

	@GetMapping("/points")
	@Operation(summary = "Learning points in the caller's scope")
	List<LearningPoint> points(@AuthenticationPrincipal CurrentUser user) {
		return learning.points(user);
	}

	@GetMapping("/points/near")
	@Operation(summary = "Points in the caller's district that the caller may see (their scope, as the list; a member's "
			+ "own district), their own street's first")
	List<LearningPoint> near(@AuthenticationPrincipal CurrentUser user) {
		return learning.pointsNear(user);
	}

	@PostMapping("/points")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a check-in point or charging station")
	LearningPoint createPoint(@RequestBody LearningCommands.NewPoint command, @AuthenticationPrincipal CurrentUser user) {
		return learning.createPoint(command, user);
	}

	@GetMapping("/points/{id}/qr")
	@Operation(summary = "The signed check-in URL the point's QR code encodes, with the current key")
	Map<String, String> pointLink(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return Map.of("url", absolute(learning.pointLink(id, user)));
	}

	/** A scanned code: the key id and signature from its URL. */
	record Scan(long k, String s) {

	}

	@PostMapping("/points/{id}/check-in")
	@Operation(summary = "Check in at a point with its scanned code; a second check-in the same day changes nothing")
	LearningManagement.CheckInResult checkIn(@PathVariable long id, @RequestBody Scan scan,
			@AuthenticationPrincipal CurrentUser user) {
		return checkIns.checkInAtPoint(id, scan.k(), scan.s(), user);
	}

	@GetMapping("/sessions")
	@Operation(summary = "Sessions hosted in the caller's scope")
	List<StudySession> sessions(@AuthenticationPrincipal CurrentUser user) {
		return learning.sessions(user);
	}

	@PostMapping("/sessions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Schedule a party class or seminar")
	StudySession createSession(@RequestBody LearningCommands.NewSession command, @AuthenticationPrincipal CurrentUser user) {
		return learning.createSession(command, user);
	}

	@PostMapping("/sessions/{id}/check-in")
	@Operation(summary = "Check in at a session with its scanned code; counted on the session's day")
	@ApiResponse(responseCode = "200", description = "Checked in, or already checked in at this session")
	@ApiResponse(responseCode = "409", description = "The session has not been held yet (its day, Asia/Shanghai, is ahead)")
	LearningManagement.CheckInResult sessionCheckIn(@PathVariable long id, @RequestBody Scan scan,
			@AuthenticationPrincipal CurrentUser user) {
		return checkIns.checkInAtSession(id, scan.k(), scan.s(), user);
	}

	/** Members present, by account id. */
	record Attendance(List<Long> accountIds) {

	}

	@PostMapping("/sessions/{id}/attendance")
	@Operation(summary = "The host unit's staff or an administrator above it records attendance from its list: all or "
			+ "none, counted on the session's day")
	@ApiResponse(responseCode = "200", description = "Recorded; added counts the members not recorded before")
	@ApiResponse(responseCode = "403", description = "The caller sees the session but does not host it (a leading cadre, a "
			+ "steering group, staff of another unit)")
	@ApiResponse(responseCode = "404", description = "The session is out of the caller's scope, or an account on the list "
			+ "is not an active member of the host's subtree; nothing was recorded")
	@ApiResponse(responseCode = "409", description = "The session has not been held yet; nothing was recorded")
	Map<String, Integer> attendance(@PathVariable long id, @RequestBody Attendance attendance,
			@AuthenticationPrincipal CurrentUser user) {
		return Map.of("added", checkIns.recordAttendance(id, attendance.accountIds(), user));
	}

	/** A problem found in a session. */
	record Found(String title, String description, String categoryCode) {

	}

	@PostMapping("/sessions/{id}/problems")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Raise a problem found in the session into the problems inventory (source STUDY)")
	Problem raise(@PathVariable long id, @RequestBody Found found, @AuthenticationPrincipal CurrentUser user) {
		return learning.raiseProblem(id, found.title(), found.description(), found.categoryCode(), user);
	}

	@GetMapping("/progress")
	@Operation(summary = "The caller's own progress on the plans running today")
	List<LearningManagement.Progress> progress(@AuthenticationPrincipal CurrentUser user) {
		return learning.progress(user);
	}

	@PostMapping(path = "/members/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Import party members (username,display_name,unit_code[,phone]): all lines or none; "
			+ "answers each new member's one-time password")
	List<MemberImport.Imported> importMembers(@RequestBody String csv, @AuthenticationPrincipal CurrentUser user) {
		return members.importMembers(csv, user);
	}

	static String absolute(@Nullable String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + path;
	}

}
