package org.grassroots.dashboard.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grassroots.dashboard.CampaignMeasure;
import org.grassroots.dashboard.CategoryCount;
import org.grassroots.dashboard.Figures;
import org.grassroots.dashboard.LearningFigures;
import org.grassroots.dashboard.OneThingBoard;
import org.grassroots.dashboard.OneThingFigures;
import org.grassroots.dashboard.TopicFigures;
import org.grassroots.dashboard.TrendPoint;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Draws a monthly report as an A4 PDF (OpenPDF), in the order of docs/dashboard.md's table of parts. Labels are in Chinese and English side by side,
 * so one kept file serves readers of both languages. A CJK font is embedded (subset) so the PDF
 * reads on any machine: the one named by {@code grassroots.dashboard.report-font}, else the first
 * found of the same fonts as the learning posters (fonts-wqy-zenhei is installed by .ci/run).
 */
@Component
public class ReportPdf {

	private static final Logger log = LoggerFactory.getLogger(ReportPdf.class);

	private static final List<String> CJK_FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
			"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,0", "/usr/share/fonts/truetype/arphic/uming.ttc,0");

	private static final DateTimeFormatter MADE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Times.ZONE);

	private static final Color HEAD = new Color(0xEE, 0xEE, 0xEE);

	private final String configuredFont;

	private final MessageSource messages;

	private volatile @Nullable BaseFont font;

	ReportPdf(@Value("${grassroots.dashboard.report-font:}") String configuredFont, MessageSource messages) {
		this.configuredFont = configuredFont;
		this.messages = messages;
	}

	public byte[] render(ReportContent content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 48, 40);
		PdfWriter.getInstance(document, out);
		Figures f = content.figures();
		document.addTitle(f.unitCode() + " " + f.month());
		document.open();
		BaseFont base = font();
		Font title = new Font(base, 18, Font.BOLD);
		Font heading = new Font(base, 12, Font.BOLD);
		Font text = new Font(base, 9);
		Paragraph top = new Paragraph(content.unitNameZh() + " " + zh("dashboard.report.title"), title);
		top.setAlignment(Element.ALIGN_CENTER);
		document.add(top);
		Paragraph sub = new Paragraph((content.unitNameEn() == null ? "" : content.unitNameEn() + " · ")
				+ en("dashboard.report.title") + " · " + f.month(), new Font(base, 11));
		sub.setAlignment(Element.ALIGN_CENTER);
		document.add(sub);
		Paragraph made = new Paragraph(label("dashboard.report.made-at") + " " + MADE.format(content.madeAt())
				+ " (Asia/Shanghai) · " + label("dashboard.report.as-it-stands"), new Font(base, 8));
		made.setAlignment(Element.ALIGN_CENTER);
		made.setSpacingAfter(10);
		document.add(made);

		section(document, heading, "dashboard.report.section.figures");
		PdfPTable figures = table(new float[] { 3, 1 }, text, label("dashboard.report.figure"),
				label("dashboard.report.value"));
		for (Line line : lines(f)) {
			cell(figures, label("dashboard.report.figure." + line.key()), text, Element.ALIGN_LEFT);
			cell(figures, line.value(), text, Element.ALIGN_RIGHT);
		}
		document.add(figures);

		section(document, heading, "dashboard.report.section.learning");
		PdfPTable learning = table(new float[] { 3, 1 }, text, label("dashboard.report.figure"),
				label("dashboard.report.value"));
		for (Line line : lines(content.learning())) {
			cell(learning, label("dashboard.report.figure." + line.key()), text, Element.ALIGN_LEFT);
			cell(learning, line.value(), text, Element.ALIGN_RIGHT);
		}
		document.add(learning);

		section(document, heading, "dashboard.report.section.campaign");
		PdfPTable campaign = table(new float[] { 3, 1 }, text, label("dashboard.report.figure"),
				label("dashboard.report.value"));
		for (Line line : lines(content.campaign())) {
			cell(campaign, label("dashboard.campaign." + line.key()), text, Element.ALIGN_LEFT);
			cell(campaign, line.value(), text, Element.ALIGN_RIGHT);
		}
		document.add(campaign);

		oneThing(document, heading, text, content.oneThing());

		section(document, heading, "dashboard.report.section.rank");
		ReportContent.Rank rank = content.rank();
		String rankText = rank == null ? label("dashboard.report.rank.none")
				: zh("dashboard.report.rank.text", rank.rank(), rank.of(), nullToDash(content.parentNameZh())) + " / "
						+ en("dashboard.report.rank.text", rank.rank(), rank.of(), nullToDash(content.parentNameEn()))
						+ " · " + label("dashboard.report.rank.previous") + " "
						+ (rank.previousRank() == null ? "—" : rank.previousRank().toString());
		document.add(new Paragraph(rankText, text));

		section(document, heading, "dashboard.report.section.categories");
		PdfPTable categories = table(new float[] { 3, 1, 1, 1, 1 }, text, label("dashboard.report.category"),
				label("dashboard.report.received"), label("dashboard.report.previous"), label("dashboard.report.change"),
				label("dashboard.report.change-rate"));
		for (CategoryCount category : content.categories()) {
			cell(categories, category.nameZh() + " " + category.nameEn(), text, Element.ALIGN_LEFT);
			cell(categories, Long.toString(category.received()), text, Element.ALIGN_RIGHT);
			cell(categories, Long.toString(category.previous()), text, Element.ALIGN_RIGHT);
			cell(categories, (category.change() > 0 ? "+" : "") + category.change(), text, Element.ALIGN_RIGHT);
			cell(categories, percent(category.changeRate()), text, Element.ALIGN_RIGHT);
		}
		document.add(content.categories().isEmpty() ? new Paragraph(label("dashboard.report.nothing"), text) : categories);

		section(document, heading, "dashboard.report.section.topic");
		TopicFigures topic = content.topic();
		if (topic == null) {
			document.add(new Paragraph(label("dashboard.report.topic.none"), text));
		}
		else {
			document.add(new Paragraph(label("dashboard.report.topic.note") + " " + topic.topic().note(), text));
			PdfPTable counts = table(new float[] { 3, 1, 1, 1, 1 }, text, label("dashboard.report.topic.category"),
					label("dashboard.report.received"), label("dashboard.report.previous"), label("dashboard.report.change"),
					label("dashboard.report.change-rate"));
			cell(counts, topic.topic().categoryZh() + " " + topic.topic().categoryEn(), text, Element.ALIGN_LEFT);
			cell(counts, Long.toString(topic.latest()), text, Element.ALIGN_RIGHT);
			cell(counts, Long.toString(topic.previous()), text, Element.ALIGN_RIGHT);
			cell(counts, (topic.change() > 0 ? "+" : "") + topic.change(), text, Element.ALIGN_RIGHT);
			cell(counts, percent(topic.changeRate()), text, Element.ALIGN_RIGHT);
			document.add(counts);
		}

		section(document, heading, "dashboard.report.section.overdue");
		document.add(new Paragraph(label("dashboard.report.overdue.count") + " " + f.overdueNow()
				+ (f.overdueNow() > content.overdue().size()
						? " · " + label("dashboard.report.overdue.listed") + " " + content.overdue().size() : ""),
				text));
		if (!content.overdue().isEmpty()) {
			PdfPTable overdue = table(new float[] { 2, 4, 2, 1.2f }, text, label("dashboard.report.ledger-no"),
					label("dashboard.report.problem-title"), label("dashboard.report.handling-unit"),
					label("dashboard.report.deadline"));
			for (ReportContent.OverdueProblem problem : content.overdue()) {
				cell(overdue, problem.ledgerNo(), text, Element.ALIGN_LEFT);
				cell(overdue, problem.title(), text, Element.ALIGN_LEFT);
				cell(overdue, problem.handlingUnitZh(), text, Element.ALIGN_LEFT);
				cell(overdue, problem.deadline() == null ? "—" : problem.deadline().toString(), text, Element.ALIGN_LEFT);
			}
			document.add(overdue);
		}

		section(document, heading, "dashboard.report.section.trend");
		PdfPTable trend = table(new float[] { 1, 1, 1 }, text, label("dashboard.report.month"),
				label("dashboard.report.figure.received"), label("dashboard.report.figure.closed"));
		for (TrendPoint point : content.trend()) {
			cell(trend, point.month().toString(), text, Element.ALIGN_LEFT);
			cell(trend, Long.toString(point.received()), text, Element.ALIGN_RIGHT);
			cell(trend, Long.toString(point.closed()), text, Element.ALIGN_RIGHT);
		}
		document.add(trend);
		document.close();
		return out.toByteArray();
	}

	/** One line of the figures table: its message key (after dashboard.report.figure.) and its shown value. */
	public record Line(String key, String value) {

	}

	/** The figures in the order of docs/dashboard.md, as the PDF shows them: counts as they are, rates as percentages to two places. */
	public static List<Line> lines(Figures f) {
		return List.of(new Line("received", n(f.received())), new Line("responded", n(f.responded())),
				new Line("response-rate", percent(f.responseRate())), new Line("declined", n(f.declined())),
				new Line("returned", n(f.returned())), new Line("reopened", n(f.reopened())),
				new Line("closed", n(f.closed())), new Line("resolved", n(f.resolved())),
				new Line("resolution-rate", percent(f.resolutionRate())),
				new Line("closed-on-time", n(f.closedOnTime())), new Line("on-time-rate", percent(f.onTimeRate())),
				new Line("rated", n(f.rated())), new Line("satisfied", n(f.satisfied())),
				new Line("satisfaction-rate", percent(f.satisfactionRate())), new Line("summoned", n(f.summoned())),
				new Line("reported-in", n(f.reportedIn())), new Line("report-in-rate", percent(f.reportInRate())),
				new Line("open-now", n(f.openNow())), new Line("overdue-now", n(f.overdueNow())),
				new Line("supervised-now", n(f.supervisedNow())),
				new Line("score", f.score() == null ? "—" : String.format(Locale.ROOT, "%.2f", f.score())));
	}

	/** The learning figures as the PDF shows them, in the order of docs/dashboard.md. */
	public static List<Line> lines(LearningFigures l) {
		return List.of(new Line("members", n(l.members())), new Line("met", n(l.met())),
				new Line("coverage", percent(l.coverage())), new Line("check-ins", n(l.checkIns())),
				new Line("plans", n(l.plans())));
	}

	/** The campaign figures as the PDF shows them, in the order of docs/dashboard.md; the key is the measure's code. */
	public static List<Line> lines(Map<CampaignMeasure, Long> campaign) {
		return Arrays.stream(CampaignMeasure.values())
			.map(measure -> new Line(measure.name(), n(campaign.getOrDefault(measure, 0L))))
			.toList();
	}

	/** The one-thing part: the totals, each life event's figures in a table, then the returned by reason. */
	private void oneThing(Document document, Font heading, Font text, OneThingBoard board) {
		section(document, heading, "dashboard.report.section.one-thing");
		PdfPTable totals = table(new float[] { 3, 1 }, text, label("dashboard.report.figure"),
				label("dashboard.report.value"));
		for (Line line : lines(board.figures())) {
			cell(totals, label("dashboard.le." + line.key()), text, Element.ALIGN_LEFT);
			cell(totals, line.value(), text, Element.ALIGN_RIGHT);
		}
		document.add(totals);
		if (board.events().isEmpty()) {
			document.add(new Paragraph(label("dashboard.le.none"), text));
		}
		else {
			List<String> heads = new ArrayList<>(List.of(label("dashboard.le.event")));
			lines(board.figures()).forEach(line -> heads.add(label("dashboard.le." + line.key())));
			// nine columns: the bilingual heads in a smaller type so they wrap less
			PdfPTable events = table(new float[] { 2.6f, 1, 1, 1, 1.1f, 1.1f, 1, 1, 1 },
					new Font(text.getBaseFont(), 7), heads.toArray(String[]::new));
			for (OneThingBoard.Event event : board.events()) {
				cell(events, event.nameZh().equals(event.nameEn()) ? event.nameZh() : event.nameZh() + " " + event.nameEn(),
						text, Element.ALIGN_LEFT);
				lines(event.figures()).forEach(line -> cell(events, line.value(), text, Element.ALIGN_RIGHT));
			}
			events.setSpacingBefore(6);
			document.add(events);
		}
		PdfPTable reasons = table(new float[] { 3, 1 }, text, label("dashboard.le.reason"), label("dashboard.le.returned"));
		reasons.setSpacingBefore(6);
		board.returnedByReason().forEach((reason, count) -> {
			cell(reasons, label("dashboard.le.reason." + reason), text, Element.ALIGN_LEFT);
			cell(reasons, n(count), text, Element.ALIGN_RIGHT);
		});
		document.add(reasons);
	}

	/**
	 * One-thing figures as the PDF shows them, in the order of docs/dashboard.md; the key names the
	 * label {@code dashboard.le.<key>}. The on-time rate to two places, the average days to one.
	 */
	public static List<Line> lines(OneThingFigures f) {
		return List.of(new Line("applied", n(f.applied())), new Line("done", n(f.done())),
				new Line("done-on-time", n(f.doneOnTime())), new Line("on-time-rate", percent(f.onTimeRate())),
				new Line("average-days", f.averageDays() == null ? "—" : String.format(Locale.ROOT, "%.1f", f.averageDays())),
				new Line("returned", n(f.returned())), new Line("open", n(f.open())), new Line("overdue", n(f.overdue())));
	}

	/** A share shown as a percentage to two places; an empty rate as a dash. */
	public static String percent(@Nullable Double rate) {
		return rate == null ? "—" : String.format(Locale.ROOT, "%.2f%%", rate * 100);
	}

	private static String n(long value) {
		return Long.toString(value);
	}

	private static String nullToDash(@Nullable String text) {
		return text == null ? "—" : text;
	}

	private void section(Document document, Font font, String key) {
		Paragraph paragraph = new Paragraph(label(key), font);
		paragraph.setSpacingBefore(12);
		paragraph.setSpacingAfter(4);
		document.add(paragraph);
	}

	private static PdfPTable table(float[] widths, Font font, String... heads) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (String head : heads) {
			PdfPCell cell = new PdfPCell(new Phrase(head, font));
			cell.setBackgroundColor(HEAD);
			cell.setPadding(3);
			table.addCell(cell);
		}
		return table;
	}

	private static void cell(PdfPTable table, String text, Font font, int alignment) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setHorizontalAlignment(alignment);
		cell.setPadding(3);
		table.addCell(cell);
	}

	private String label(String key) {
		return zh(key) + " " + en(key);
	}

	private String zh(String key, Object... args) {
		return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
	}

	private String en(String key, Object... args) {
		return messages.getMessage(key, args, key, Locale.ENGLISH);
	}

	private BaseFont font() {
		BaseFont found = font;
		if (found == null) {
			found = findFont();
			font = found;
		}
		return found;
	}

	private BaseFont findFont() {
		List<String> candidates = configuredFont.isBlank() ? CJK_FONTS : List.of(configuredFont);
		for (String candidate : candidates) {
			String file = candidate.contains(",") ? candidate.substring(0, candidate.lastIndexOf(',')) : candidate;
			if (Files.isReadable(Path.of(file))) {
				try {
					return BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
				}
				catch (IOException | RuntimeException ex) {
					log.warn("Cannot use the font {}: {}", candidate, ex.toString());
				}
			}
		}
		log.warn("No CJK font found for monthly reports; install fonts-wqy-zenhei or set grassroots.dashboard.report-font");
		try {
			return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
