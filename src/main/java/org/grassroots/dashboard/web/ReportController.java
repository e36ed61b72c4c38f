package org.grassroots.dashboard.web;

import java.time.YearMonth;

import org.grassroots.dashboard.MonthlyReport;
import org.grassroots.dashboard.MonthlyReports;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.web.FileNames;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.Unit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The monthly reports page of a unit: the kept reports with download links and a button to make one now. */
@PageController
@RequestMapping("/dashboard/units/{code}/reports")
class ReportController {

	private final MonthlyReports reports;

	private final Messages messages;

	ReportController(MonthlyReports reports, Messages messages) {
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping
	String list(@PathVariable String code, Model model, @AuthenticationPrincipal CurrentUser user) {
		Unit unit = reports.unit(code, user);
		model.addAttribute("unit", unit);
		model.addAttribute("unitName", unit.name(LocaleContextHolder.getLocale().getLanguage()));
		model.addAttribute("reports", reports.list(code, user).stream().map(Row::new).toList());
		model.addAttribute("lastMonth", YearMonth.now(org.grassroots.shared.Times.ZONE).minusMonths(1).toString());
		return "dashboard/reports";
	}

	@PostMapping
	String make(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			MonthlyReport made = reports.make(code, month, user);
			redirect.addFlashAttribute("notice", messages.text("dashboard.report.made", made.month().toString()));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("error", messages.text(ex));
		}
		return "redirect:/dashboard/units/" + code + "/reports";
	}

	@GetMapping(path = "/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable long id,
			@AuthenticationPrincipal CurrentUser user) {
		return pdf(reports.download(code, id, user), messages);
	}

	/** A line of the list, with the time it was made in Asia/Shanghai. */
	record Row(MonthlyReport report) {

		private static final java.time.format.DateTimeFormatter MADE = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(org.grassroots.shared.Times.ZONE);

		public long id() {
			return report.id();
		}

		public String month() {
			return report.month().toString();
		}

		public boolean scheduled() {
			return report.scheduled();
		}

		public int edition() {
			return report.edition();
		}

		public String madeBy() {
			return report.madeBy();
		}

		public String madeAtText() {
			return MADE.format(report.madeAt());
		}

	}

	/** The PDF named by what and whose it is in the reader's language: 月报-南岸区-2026-10.pdf. */
	static ResponseEntity<byte[]> pdf(MonthlyReports.Download download, Messages messages) {
		MonthlyReport report = download.report();
		String name = FileNames.of("pdf", messages.text("export.file.report"),
				download.unit().name(LocaleContextHolder.getLocale().getLanguage()), report.month(),
				report.edition() == 0 ? "" : messages.text("export.file.edition", report.edition()));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachment(name, download.fileName()))
			.body(download.pdf());
	}

}
