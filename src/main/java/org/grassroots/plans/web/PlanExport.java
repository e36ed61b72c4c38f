package org.grassroots.plans.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.grassroots.plans.MeasureLine;
import org.grassroots.plans.PlanManagement;
import org.grassroots.plans.ResearchPlan;
import org.grassroots.plans.WorkMeasure;
import org.grassroots.problems.Category;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Times;
import org.grassroots.shared.web.FileNames;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

/** The plans a person may read with their measures, one row per measure (a plan without measures has one row). */
@Component
class PlanExport {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String[] HEADERS = { "plans.plan.title", "plans.plan.owner", "plans.plan.period",
			"plans.measure.title", "plans.measure.category", "plans.measure.owner-unit", "plans.measure.owner-person",
			"plans.measure.start", "plans.measure.deadline", "plans.measure.target", "plans.measure.target-unit",
			"plans.measure.progress", "plans.measure.percent", "plans.measure.status", "plans.measure.timeliness",
			"plans.measure.problems-closed", "plans.measure.problems-linked" };

	private final PlanManagement plans;

	private final UnitManagement units;

	private final Messages messages;

	private final Clock clock;

	PlanExport(PlanManagement plans, UnitManagement units, Messages messages, Clock clock) {
		this.plans = plans;
		this.units = units;
		this.messages = messages;
		this.clock = clock;
	}

	void write(CurrentUser user, HttpServletResponse response) throws IOException {
		String lang = LocaleContextHolder.getLocale().getLanguage();
		Map<String, Category> categories = plans.categories()
			.stream()
			.collect(Collectors.toMap(Category::code, Function.identity()));
		response.setContentType(XLSX);
		String today = LocalDate.now(clock.withZone(Times.ZONE)).toString();
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, FileNames.attachment(
				FileNames.of("xlsx", messages.text("plans.export.file"), today), FileNames.of("xlsx", "plans", today)));
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			SXSSFSheet sheet = workbook.createSheet(messages.text("plans.export.sheet"));
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				header.createCell(i).setCellValue(messages.text(HEADERS[i]));
			}
			int[] r = { 1 };
			plans.export(user, (plan, lines) -> {
				Map<Long, Unit> named = units.byIds(java.util.stream.Stream
					.concat(java.util.stream.Stream.of(plan.ownerUnitId()), lines.stream().map(l -> l.measure().ownerUnitId()))
					.distinct()
					.toList());
				if (lines.isEmpty()) {
					planCells(sheet.createRow(r[0]++), plan, named, lang);
				}
				for (MeasureLine line : lines) {
					Row row = sheet.createRow(r[0]++);
					planCells(row, plan, named, lang);
					measureCells(row, line, named, categories, lang);
				}
			});
			workbook.write(response.getOutputStream());
			workbook.dispose();
		}
	}

	private static void planCells(Row row, ResearchPlan plan, Map<Long, Unit> named, String lang) {
		row.createCell(0).setCellValue(plan.title());
		row.createCell(1).setCellValue(name(named.get(plan.ownerUnitId()), lang));
		row.createCell(2).setCellValue(plan.periodStart() + " ~ " + plan.periodEnd());
	}

	private void measureCells(Row row, MeasureLine line, Map<Long, Unit> named, Map<String, Category> categories,
			String lang) {
		WorkMeasure measure = line.measure();
		Category category = categories.get(measure.categoryCode());
		row.createCell(3).setCellValue(measure.title());
		row.createCell(4).setCellValue(category == null ? "" : category.name(lang));
		row.createCell(5).setCellValue(name(named.get(measure.ownerUnitId()), lang));
		row.createCell(6).setCellValue(measure.ownerPerson());
		row.createCell(7).setCellValue(measure.startDate().toString());
		row.createCell(8).setCellValue(measure.deadline().toString());
		if (measure.targetAmount() != null) {
			row.createCell(9).setCellValue(measure.targetAmount());
			row.createCell(10).setCellValue(measure.targetUnit());
		}
		row.createCell(11).setCellValue(measure.progress());
		row.createCell(12).setCellValue(measure.percent());
		row.createCell(13).setCellValue(messages.text("plans.status." + measure.status().name()));
		row.createCell(14).setCellValue(messages.text("plans.timeliness." + measure.timeliness().name()));
		row.createCell(15).setCellValue(line.problemsClosed());
		row.createCell(16).setCellValue(line.problemsLinked());
	}

	private static String name(@Nullable Unit unit, String lang) {
		return unit == null ? "" : unit.name(lang);
	}

}
