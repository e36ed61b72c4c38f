package org.grassroots.dashboard.web;

import java.time.YearMonth;
import java.util.List;

import org.grassroots.dashboard.MonthlyReport;
import org.grassroots.dashboard.MonthlyReports;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.web.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/dashboard/units/{code}/reports")
@Tag(name = "Monthly reports", description = "A unit's monthly PDF reports (docs/dashboard.md, Monthly reports): "
		+ "staff whose scope covers the unit only, 404 otherwise, whatever the unit's level")
class ReportApiController {

	private final MonthlyReports reports;

	private final Messages messages;

	ReportApiController(MonthlyReports reports, Messages messages) {
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "The unit's kept reports, newest month first (edition 0 is the job's, 1 and up made on demand)")
	List<MonthlyReport> list(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
		return reports.list(code, user);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Make the unit's report for a month now (default last month, at most this month); audited")
	MonthlyReport make(@PathVariable String code, @Parameter(description = "yyyy-MM") @RequestParam(required = false)
			@DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month, @AuthenticationPrincipal CurrentUser user) {
		return reports.make(code, month, user);
	}

	@GetMapping(path = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "Download a kept report as PDF")
	ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable long id,
			@AuthenticationPrincipal CurrentUser user) {
		return ReportController.pdf(reports.download(code, id, user), messages);
	}

}
