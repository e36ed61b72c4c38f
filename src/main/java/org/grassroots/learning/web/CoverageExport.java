package org.grassroots.learning.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.grassroots.learning.Coverage;
import org.grassroots.learning.LearningCoverage;
import org.grassroots.learning.MemberStatus;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Times;
import org.grassroots.shared.web.FileNames;
import org.grassroots.shared.web.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

/** Coverage per unit and the members below the requirement, as two sheets of one workbook. */
@Component
class CoverageExport {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final int MAX_BEHIND = 100_000;

	private final LearningCoverage learning;

	private final Messages messages;

	private final Clock clock;

	CoverageExport(LearningCoverage learning, Messages messages, Clock clock) {
		this.learning = learning;
		this.messages = messages;
		this.clock = clock;
	}

	void write(long planId, @Nullable Long unitId, CurrentUser user, HttpServletResponse response) throws IOException {
		Coverage coverage = learning.coverage(planId, unitId, user);
		var behind = learning.behind(planId, unitId, user, MAX_BEHIND);
		response.setContentType(XLSX);
		String today = LocalDate.now(clock.withZone(Times.ZONE)).toString();
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachment(
				FileNames.of("xlsx", messages.text("export.file.coverage"), coverage.plan().title(),
						coverage.total().unitName(), today),
				FileNames.of("xlsx", "coverage", "plan" + planId, coverage.total().unitCode(), today)));
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			SXSSFSheet units = workbook.createSheet(messages.text("learning.export.coverage"));
			header(units.createRow(0), "learning.export.unit", "learning.export.members", "learning.export.met",
					"learning.export.percent");
			int r = 1;
			r = row(units.createRow(r), coverage.total(), r);
			for (Coverage.Row row : coverage.rows()) {
				r = row(units.createRow(r), row, r);
			}
			SXSSFSheet members = workbook.createSheet(messages.text("learning.export.behind"));
			header(members.createRow(0), "learning.export.member", "learning.export.unit", "learning.export.done",
					"learning.export.required");
			int m = 1;
			for (MemberStatus status : behind) {
				Row row = members.createRow(m++);
				row.createCell(0).setCellValue(status.displayName());
				row.createCell(1).setCellValue(status.unitName());
				row.createCell(2).setCellValue(status.done());
				row.createCell(3).setCellValue(status.required());
			}
			workbook.write(response.getOutputStream());
			workbook.dispose();
		}
	}

	private void header(Row row, String... keys) {
		for (int i = 0; i < keys.length; i++) {
			row.createCell(i).setCellValue(messages.text(keys[i]));
		}
	}

	private int row(Row row, Coverage.Row coverage, int index) {
		row.createCell(0).setCellValue(coverage.unitName());
		row.createCell(1).setCellValue(coverage.members());
		row.createCell(2).setCellValue(coverage.met());
		if (coverage.percent() != null) {
			row.createCell(3).setCellValue(coverage.percent());
		}
		return index + 1;
	}

}
