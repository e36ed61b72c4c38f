package org.grassroots.dashboard.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.grassroots.dashboard.CampaignBoard;
import org.grassroots.dashboard.CampaignMeasure;
import org.grassroots.dashboard.CategoryCount;
import org.grassroots.dashboard.Figures;
import org.grassroots.dashboard.HeatRow;
import org.grassroots.dashboard.LearningFigures;
import org.grassroots.dashboard.OneThingBoard;
import org.grassroots.dashboard.OneThingFigures;
import org.grassroots.dashboard.Ranking;
import org.grassroots.dashboard.Topic;
import org.grassroots.dashboard.TrendPoint;
import org.grassroots.shared.Times;
import org.grassroots.shared.web.FileNames;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.Unit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The dashboard's tables as streamed workbooks, one sheet each, with the numbers of the page: the
 * counts as numbers, the rates as shares shown as percentages to one place, an empty rate as an
 * empty cell.
 */
@Component
class DashboardExport {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Messages messages;

	private final Clock clock;

	DashboardExport(Messages messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The unit's own figures first, then its children in ranking order; each row ends with the
	 * learning figures of the month (coverage, met, members covered, check-ins), not part of the score.
	 */
	void ranking(Figures own, LearningFigures ownLearning, Ranking ranking, HttpServletResponse response)
			throws IOException {
		String name = "en".equals(lang()) && own.unitNameEn() != null ? own.unitNameEn() : own.unitName();
		write(response, "ranking", name, own.unitCode(), own.month().toString(), "dashboard.ranking.title", (workbook, sheet) -> {
			CellStyle percent = percent(workbook);
			header(sheet.createRow(0), "dashboard.col.rank", "dashboard.col.rank-change", "dashboard.col.unit",
					"dashboard.col.score", "dashboard.col.received", "dashboard.col.responded", "dashboard.col.response-rate",
					"dashboard.col.closed", "dashboard.col.resolved", "dashboard.col.resolution-rate", "dashboard.col.rated",
					"dashboard.col.satisfied", "dashboard.col.satisfaction-rate", "dashboard.col.closed-on-time",
					"dashboard.col.on-time-rate", "dashboard.col.overdue", "dashboard.col.supervised",
					"dashboard.col.coverage", "dashboard.col.met", "dashboard.col.members", "dashboard.col.check-ins");
			figures(sheet.createRow(1), null, null, own, ownLearning, percent);
			int r = 2;
			for (Ranking.Place place : ranking.places()) {
				figures(sheet.createRow(r++), place.rank(), place.rankChange(), place.figures(), place.learning(), percent);
			}
		});
	}

	void heat(Unit unit, List<HeatRow> heat, HttpServletResponse response) throws IOException {
		String today = LocalDate.now(clock.withZone(Times.ZONE)).toString();
		write(response, "overdue", unit.name(lang()), unit.code(), today, "dashboard.heat.title", (workbook, sheet) -> {
			header(sheet.createRow(0), "dashboard.col.unit", "dashboard.col.below", "dashboard.col.open",
					"dashboard.col.overdue", "dashboard.col.supervised");
			int r = 1;
			String lang = lang();
			String parent = "";
			for (HeatRow row : heat) {
				Row line = sheet.createRow(r++);
				if (row.depth() == 1) {
					parent = row.name(lang);
				}
				line.createCell(0).setCellValue(row.name(lang));
				line.createCell(1).setCellValue(row.depth() == 1 ? "" : parent);
				line.createCell(2).setCellValue(row.openNow());
				line.createCell(3).setCellValue(row.overdueNow());
				line.createCell(4).setCellValue(row.supervisedNow());
			}
		});
	}

	void trend(Unit unit, YearMonth month, List<TrendPoint> trend, HttpServletResponse response) throws IOException {
		write(response, "trend", unit.name(lang()), unit.code(), month.toString(), "dashboard.trend.title", (workbook, sheet) -> {
			header(sheet.createRow(0), "dashboard.col.month", "dashboard.col.received", "dashboard.col.closed");
			int r = 1;
			for (TrendPoint point : trend) {
				Row line = sheet.createRow(r++);
				line.createCell(0).setCellValue(point.month().toString());
				line.createCell(1).setCellValue(point.received());
				line.createCell(2).setCellValue(point.closed());
			}
		});
	}

	/** The categories of the month; the month's topic (每月一题), if one was picked, is marked on its category's row with its note. */
	void categories(Unit unit, YearMonth month, List<CategoryCount> categories, @Nullable Topic topic,
			HttpServletResponse response) throws IOException {
		String name = unit.name(lang());
		write(response, "categories", name, unit.code(), month.toString(), "dashboard.categories.title", (workbook, sheet) -> {
			CellStyle percent = percent(workbook);
			header(sheet.createRow(0), "dashboard.col.category", "dashboard.col.received", "dashboard.col.previous",
					"dashboard.col.change", "dashboard.col.change-rate", "dashboard.col.topic");
			int r = 1;
			String lang = lang();
			for (CategoryCount category : categories) {
				Row line = sheet.createRow(r++);
				line.createCell(0).setCellValue("en".equals(lang) ? category.nameEn() : category.nameZh());
				line.createCell(1).setCellValue(category.received());
				line.createCell(2).setCellValue(category.previous());
				line.createCell(3).setCellValue(category.change());
				rate(line, 4, category.changeRate(), percent);
				if (topic != null && topic.categoryCode().equals(category.categoryCode())) {
					line.createCell(5).setCellValue(topic.note());
				}
			}
		});
	}

	/** The unit's campaign figures, then each child's: one column per measure, in the order of {@link CampaignMeasure}. */
	void campaign(CampaignBoard board, HttpServletResponse response) throws IOException {
		String lang = lang();
		String name = "en".equals(lang) && board.unitNameEn() != null ? board.unitNameEn() : board.unitName();
		write(response, "campaign", name, board.unitCode(), board.month().toString(), "dashboard.campaign.title",
				(workbook, sheet) -> {
					Row head = sheet.createRow(0);
					head.createCell(0).setCellValue(messages.text("dashboard.col.unit"));
					CampaignMeasure[] measures = CampaignMeasure.values();
					for (int i = 0; i < measures.length; i++) {
						head.createCell(i + 1).setCellValue(messages.text("dashboard.campaign." + measures[i].name()));
					}
					campaignRow(sheet.createRow(1), name, board.figures());
					int r = 2;
					for (CampaignBoard.Child child : board.children()) {
						campaignRow(sheet.createRow(r++),
								"en".equals(lang) && child.unitNameEn() != null ? child.unitNameEn() : child.unitName(),
								child.figures());
					}
				});
	}

	private static void campaignRow(Row row, String unitName, Map<CampaignMeasure, Long> figures) {
		row.createCell(0).setCellValue(unitName);
		CampaignMeasure[] measures = CampaignMeasure.values();
		for (int i = 0; i < measures.length; i++) {
			row.createCell(i + 1).setCellValue(figures.getOrDefault(measures[i], 0L));
		}
	}

	/** The one-thing figures' columns after the name, in the order of docs/dashboard.md. */
	static final List<String> ONE_THING_COLUMNS = List.of("dashboard.le.applied", "dashboard.le.done",
			"dashboard.le.done-on-time", "dashboard.le.on-time-rate", "dashboard.le.average-days",
			"dashboard.le.returned", "dashboard.le.open", "dashboard.le.overdue");

	/**
	 * The unit's one-thing figures, then each child's, on the first sheet; each life event's on the
	 * second, the returned applications by reason on the third.
	 */
	void oneThing(OneThingBoard board, HttpServletResponse response) throws IOException {
		String lang = lang();
		String name = "en".equals(lang) && board.unitNameEn() != null ? board.unitNameEn() : board.unitName();
		write(response, "one-thing", name, board.unitCode(), board.month().toString(), "dashboard.le.title",
				(workbook, sheet) -> {
					CellStyle percent = percent(workbook);
					oneThingHead(sheet.createRow(0), "dashboard.col.unit");
					oneThingRow(sheet.createRow(1), name, board.figures(), percent);
					int r = 2;
					for (OneThingBoard.Child child : board.children()) {
						oneThingRow(sheet.createRow(r++),
								"en".equals(lang) && child.unitNameEn() != null ? child.unitNameEn() : child.unitName(),
								child.figures(), percent);
					}
					SXSSFSheet events = workbook.createSheet(messages.text("dashboard.le.by-event"));
					oneThingHead(events.createRow(0), "dashboard.le.event");
					r = 1;
					for (OneThingBoard.Event event : board.events()) {
						oneThingRow(events.createRow(r++), event.name(lang), event.figures(), percent);
					}
					SXSSFSheet reasons = workbook.createSheet(messages.text("dashboard.le.by-reason"));
					header(reasons.createRow(0), "dashboard.le.reason", "dashboard.le.returned");
					r = 1;
					for (Map.Entry<String, Long> reason : board.returnedByReason().entrySet()) {
						Row line = reasons.createRow(r++);
						line.createCell(0).setCellValue(messages.text("dashboard.le.reason." + reason.getKey()));
						line.createCell(1).setCellValue(reason.getValue());
					}
				});
	}

	private void oneThingHead(Row row, String firstKey) {
		row.createCell(0).setCellValue(messages.text(firstKey));
		for (int i = 0; i < ONE_THING_COLUMNS.size(); i++) {
			row.createCell(i + 1).setCellValue(messages.text(ONE_THING_COLUMNS.get(i)));
		}
	}

	private static void oneThingRow(Row row, String name, OneThingFigures f, CellStyle percent) {
		row.createCell(0).setCellValue(name);
		row.createCell(1).setCellValue(f.applied());
		row.createCell(2).setCellValue(f.done());
		row.createCell(3).setCellValue(f.doneOnTime());
		rate(row, 4, f.onTimeRate(), percent);
		if (f.averageDays() != null) {
			row.createCell(5).setCellValue(f.averageDays());
		}
		row.createCell(6).setCellValue(f.returned());
		row.createCell(7).setCellValue(f.open());
		row.createCell(8).setCellValue(f.overdue());
	}

	private interface Sheet {

		void fill(SXSSFWorkbook workbook, SXSSFSheet sheet);

	}

	/**
	 * Streams one sheet, named by what it is, whose and when: 排名-南岸区-2026-11.xlsx, with
	 * ranking-500108-2026-11.xlsx for clients that read only the ASCII name.
	 */
	private void write(HttpServletResponse response, String kind, String unitName, String unitCode, String when,
			String titleKey, Sheet content) throws IOException {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				FileNames.attachment(FileNames.of("xlsx", messages.text("export.file." + kind), unitName, when),
						FileNames.of("xlsx", kind, unitCode, when)));
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			content.fill(workbook, workbook.createSheet(messages.text(titleKey)));
			workbook.write(response.getOutputStream());
			workbook.dispose();
		}
	}

	private void figures(Row row, @Nullable Integer rank, @Nullable Integer change, Figures figures,
			LearningFigures learning, CellStyle percent) {
		if (rank != null) {
			row.createCell(0).setCellValue(rank);
		}
		if (change != null) {
			row.createCell(1).setCellValue(change);
		}
		row.createCell(2).setCellValue(name(figures));
		if (figures.score() != null) {
			row.createCell(3).setCellValue(figures.score());
		}
		row.createCell(4).setCellValue(figures.received());
		row.createCell(5).setCellValue(figures.responded());
		rate(row, 6, figures.responseRate(), percent);
		row.createCell(7).setCellValue(figures.closed());
		row.createCell(8).setCellValue(figures.resolved());
		rate(row, 9, figures.resolutionRate(), percent);
		row.createCell(10).setCellValue(figures.rated());
		row.createCell(11).setCellValue(figures.satisfied());
		rate(row, 12, figures.satisfactionRate(), percent);
		row.createCell(13).setCellValue(figures.closedOnTime());
		rate(row, 14, figures.onTimeRate(), percent);
		row.createCell(15).setCellValue(figures.overdueNow());
		row.createCell(16).setCellValue(figures.supervisedNow());
		rate(row, 17, learning.coverage(), percent);
		row.createCell(18).setCellValue(learning.met());
		row.createCell(19).setCellValue(learning.members());
		row.createCell(20).setCellValue(learning.checkIns());
	}

	private static void rate(Row row, int column, @Nullable Double rate, CellStyle percent) {
		if (rate != null) {
			var cell = row.createCell(column);
			cell.setCellValue(rate);
			cell.setCellStyle(percent);
		}
	}

	private static CellStyle percent(SXSSFWorkbook workbook) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
		return style;
	}

	private void header(Row row, String... keys) {
		for (int i = 0; i < keys.length; i++) {
			row.createCell(i).setCellValue(messages.text(keys[i]));
		}
	}

	private static String name(Figures figures) {
		String en = figures.unitNameEn();
		return "en".equals(lang()) && en != null && !en.isBlank() ? en : figures.unitName();
	}

	private static String lang() {
		return LocaleContextHolder.getLocale().getLanguage();
	}

}
