package org.grassroots.visits.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Times;
import org.grassroots.shared.web.FileNames;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.grassroots.visits.Visit;
import org.grassroots.visits.VisitFilter;
import org.grassroots.visits.VisitViews;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

/** The visit log (下基层台账) as one sheet, read from a cursor with a window of 200 rows in memory. */
@Component
class VisitLogExport {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String[] HEADERS = { "visits.date", "visits.kind", "visits.cadre", "visits.unit", "visits.place",
			"visits.people-met", "visits.discussed", "visits.problems-collected", "visits.solved-on-spot",
			"visits.solved-later" };

	private final VisitViews views;

	private final UnitManagement units;

	private final Messages messages;

	private final Clock clock;

	VisitLogExport(VisitViews views, UnitManagement units, Messages messages, Clock clock) {
		this.views = views;
		this.units = units;
		this.messages = messages;
		this.clock = clock;
	}

	void write(VisitFilter filter, CurrentUser user, String lang, HttpServletResponse response) throws IOException {
		Unit own = units.byIds(java.util.List.of(user.unitId())).get(user.unitId());
		String today = LocalDate.now(clock.withZone(Times.ZONE)).toString();
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				FileNames.attachment(FileNames.of("xlsx", messages.text("visits.export.file"), own.nameZh(), today),
						FileNames.of("xlsx", "visit-log", own.code(), today)));
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			SXSSFSheet sheet = workbook.createSheet(messages.text("visits.export.sheet"));
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				header.createCell(i).setCellValue(messages.text(HEADERS[i]));
			}
			Map<Long, Unit> names = new java.util.HashMap<>();
			int[] r = { 1 };
			views.forEach(filter, user, visit -> row(sheet.createRow(r[0]++), visit, unit(names, visit.unitId()), lang));
			workbook.write(response.getOutputStream());
			workbook.dispose();
		}
	}

	private Unit unit(Map<Long, Unit> names, long id) {
		return names.computeIfAbsent(id, key -> units.byIds(java.util.List.of(key)).get(key));
	}

	private void row(Row row, Visit visit, Unit unit, String lang) {
		row.createCell(0).setCellValue(visit.visitDate().toString());
		row.createCell(1).setCellValue(messages.text("visits.kind." + visit.kind().name()));
		row.createCell(2).setCellValue(visit.cadreName());
		row.createCell(3).setCellValue(unit.name(lang));
		row.createCell(4).setCellValue(visit.place());
		row.createCell(5).setCellValue(visit.peopleMet() == null ? "" : visit.peopleMet());
		row.createCell(6).setCellValue(visit.discussed());
		row.createCell(7).setCellValue(visit.problemsCollected());
		row.createCell(8).setCellValue(visit.solvedOnSpot());
		row.createCell(9).setCellValue(visit.solvedLater());
	}

}
