package org.grassroots.lifeevents.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.grassroots.lifeevents.Application;
import org.grassroots.lifeevents.ApplicationView;
import org.grassroots.shared.Times;
import org.grassroots.shared.web.FileNames;
import org.grassroots.shared.web.Messages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

/** The staff's list of applications as a workbook; personal values as masked as on the page. */
@Component
class ApplicationExport {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Messages messages;

	private final Times times;

	private final Clock clock;

	ApplicationExport(Messages messages, Times times, Clock clock) {
		this.messages = messages;
		this.times = times;
		this.clock = clock;
	}

	void write(List<ApplicationView> views, HttpServletResponse response) throws IOException {
		String lang = LocaleContextHolder.getLocale().getLanguage();
		response.setContentType(XLSX);
		String today = LocalDate.now(clock.withZone(Times.ZONE)).toString();
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachment(
				FileNames.of("xlsx", messages.text("le.export.file"), today), FileNames.of("xlsx", "applications", today)));
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			SXSSFSheet sheet = workbook.createSheet(messages.text("le.applications.title"));
			String[] headers = { "le.reference", "le.event", "le.applicant", "le.state", "le.filed-at", "le.deadline",
					"le.overdue", "le.finished-at", "le.return-reason", "le.rating", "le.values" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				head.createCell(i).setCellValue(messages.text(headers[i]));
			}
			int r = 1;
			for (ApplicationView view : views) {
				Application a = view.application();
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(a.reference());
				row.createCell(1).setCellValue(a.eventName(lang));
				row.createCell(2).setCellValue(a.applicantName());
				row.createCell(3).setCellValue(messages.text("le.state." + a.state().name()));
				row.createCell(4).setCellValue(times.format(a.filedAt()));
				row.createCell(5).setCellValue(a.deadline().toString());
				row.createCell(6).setCellValue(messages.text(a.overdue() ? "common.yes" : "common.no"));
				row.createCell(7).setCellValue(times.format(a.completedAt() != null ? a.completedAt() : a.returnedAt()));
				row.createCell(8).setCellValue(a.returnCategory() == null ? ""
						: messages.text("le.reject." + a.returnCategory()) + "：" + a.returnReason());
				row.createCell(9).setCellValue(a.rating() == null ? "" : messages.text("le.rating." + a.rating().name()));
				row.createCell(10).setCellValue(view.values().stream()
					.filter(value -> value.value() != null)
					.map(value -> value.label(lang) + "：" + value.value())
					.collect(Collectors.joining("；")));
			}
			workbook.write(response.getOutputStream());
			workbook.dispose();
		}
	}

}
