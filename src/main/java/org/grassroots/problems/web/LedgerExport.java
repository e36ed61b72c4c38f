package org.grassroots.problems.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemFilter;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Times;
import org.grassroots.shared.web.FileNames;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The rectification ledger (整改台账) as Excel. SXSSF keeps only a window of rows in memory and
 * rows come from a database cursor, so a large export does not load everything at once. The
 * reporter's phone appears only masked, and only where the resident agreed to show it.
 */
@Component
class LedgerExport {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String[] COLUMNS = { "ledger-no", "title", "category", "source", "type", "state",
			"raising-unit", "responsible-unit", "responsible-person", "standard", "measures", "deadline", "overdue",
			"supervised", "returns", "reporter-phone", "created", "closed", "evaluation" };

	private final ProblemViews views;

	private final Messages messages;

	private final Times times;

	private final UnitManagement units;

	private final Clock clock;

	LedgerExport(ProblemViews views, Messages messages, Times times, UnitManagement units, Clock clock) {
		this.views = views;
		this.messages = messages;
		this.times = times;
		this.units = units;
		this.clock = clock;
	}

	void write(ProblemFilter filter, CurrentUser user, HttpServletResponse response) throws IOException {
		response.setContentType(XLSX);
		// whose: the unit the filter asks for, else the caller's own unit
		Unit whose = (filter.unitCode() == null ? java.util.Optional.<Unit>empty()
				: units.findByCode(filter.unitCode(), user.scope()))
			.orElseGet(() -> units.get(user.unitId(), DataScope.CITY));
		String today = LocalDate.now(clock.withZone(Times.ZONE)).toString();
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachment(
				FileNames.of("xlsx", messages.text("export.file.ledger"),
						whose.name(LocaleContextHolder.getLocale().getLanguage()), today),
				FileNames.of("xlsx", "problem-ledger", whose.code(), today)));
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			workbook.setCompressTempFiles(true);
			SXSSFSheet sheet = workbook.createSheet(messages.text("problems.export.sheet"));
			header(workbook, sheet.createRow(0));
			int[] next = { 1 };
			Map<Long, Unit> names = new java.util.HashMap<>();
			views.export(filter, user, problem -> row(sheet.createRow(next[0]++), problem, names));
			workbook.write(response.getOutputStream());
			workbook.dispose();
		}
	}

	private void header(SXSSFWorkbook workbook, Row row) {
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		for (int i = 0; i < COLUMNS.length; i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(messages.text("problems.export." + COLUMNS[i]));
			cell.setCellStyle(bold);
		}
	}

	private void row(Row row, Problem problem, Map<Long, Unit> cache) {
		int c = 0;
		row.createCell(c++).setCellValue(problem.ledgerNo());
		row.createCell(c++).setCellValue(problem.title());
		row.createCell(c++).setCellValue(messages.text("category." + problem.categoryCode()));
		row.createCell(c++).setCellValue(messages.text("source." + problem.source()));
		row.createCell(c++).setCellValue(messages.text("problem-type." + problem.type()));
		row.createCell(c++).setCellValue(messages.text("state." + problem.state()));
		row.createCell(c++).setCellValue(unitName(problem.raisingUnitId(), cache));
		row.createCell(c++).setCellValue(problem.responsibleUnitId() == null ? "" : unitName(problem.responsibleUnitId(), cache));
		row.createCell(c++).setCellValue(text(problem.responsiblePerson()));
		row.createCell(c++).setCellValue(text(problem.standard()));
		row.createCell(c++).setCellValue(text(problem.measures()));
		row.createCell(c++).setCellValue(times.format(problem.deadline()));
		row.createCell(c++).setCellValue(messages.text(problem.overdue() ? "common.yes" : "common.no"));
		row.createCell(c++).setCellValue(messages.text(problem.supervised() ? "common.yes" : "common.no"));
		row.createCell(c++).setCellValue(problem.returnCount());
		row.createCell(c++).setCellValue(text(problem.reporterPhoneMasked()));
		row.createCell(c++).setCellValue(times.format(problem.createdAt()));
		row.createCell(c++).setCellValue(times.format(problem.closedAt()));
		row.createCell(c).setCellValue(problem.evaluation() == null ? "" : messages.text("rating." + problem.evaluation()));
	}

	/** Unit names from a small cache: a ledger names few distinct units however many rows it has. */
	private String unitName(long id, Map<Long, Unit> cache) {
		if (!cache.containsKey(id)) {
			if (cache.size() > 10_000) {
				cache.clear();
			}
			cache.putAll(views.unitsOfIds(java.util.Set.of(id)));
		}
		Unit unit = cache.get(id);
		return unit == null ? "" : unit.nameZh();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
