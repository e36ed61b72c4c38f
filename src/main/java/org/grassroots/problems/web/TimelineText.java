package org.grassroots.problems.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.grassroots.problems.ProblemAction;
import org.grassroots.problems.ProblemViews;
import org.grassroots.problems.Rating;
import org.grassroots.problems.TimelineEntry;
import org.grassroots.units.Unit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * A problem's timeline as sentences in the reader's language: who did it (a person and their
 * unit, the system, a resident), what they did and what the problem became, from the message
 * bundles. Codes that the entries keep as notes (a rating, an automatic supervision, a title made
 * public) are put into words too, so no enum name reaches the page.
 */
@Component
class TimelineText {

	/** One sentence of the timeline; the action stays for tests and styling, not for reading. */
	record Line(long id, ProblemAction action, Instant at, String text) {

	}

	private final MessageSource messages;

	private final ProblemViews views;

	TimelineText(MessageSource messages, ProblemViews views) {
		this.messages = messages;
		this.views = views;
	}

	List<Line> lines(List<TimelineEntry> entries) {
		Map<Long, Unit> units = views.unitsOfIds(
				entries.stream().map(TimelineEntry::actorUnitId).filter(Objects::nonNull).distinct().toList());
		Locale locale = LocaleContextHolder.getLocale();
		List<Line> lines = new ArrayList<>(entries.size());
		for (TimelineEntry entry : entries) {
			lines.add(new Line(entry.id(), entry.action(), entry.at(), sentence(entry, units, locale)));
		}
		return lines;
	}

	String sentence(TimelineEntry entry, Map<Long, Unit> units, Locale locale) {
		String variant = variant(entry);
		String general = "timeline.action." + entry.action().name();
		String[] codes = variant == null ? new String[] { general } : new String[] { general + "." + variant, general };
		String text = text("timeline.line", locale, actor(entry, units, locale),
				messages.getMessage(new DefaultMessageSourceResolvable(codes), locale));
		String detail = detail(entry, locale);
		if (detail != null) {
			text = text("timeline.line.note", locale, text, detail);
		}
		if (entry.fromState() != entry.toState() && entry.action() != ProblemAction.REPORT) {
			text = text("timeline.line.state", locale, text, text("state." + entry.toState().name(), locale));
		}
		return text;
	}

	/** A phrase of its own for the system, a resident, and a child problem made by a split. */
	private static @Nullable String variant(TimelineEntry entry) {
		if (TimelineEntry.SYSTEM.equals(entry.actorName())) {
			return "system";
		}
		if (TimelineEntry.RESIDENT.equals(entry.actorName())) {
			return "resident";
		}
		if (entry.action() == ProblemAction.SPLIT && entry.fromState() == null) {
			return "child";
		}
		return null;
	}

	private String actor(TimelineEntry entry, Map<Long, Unit> units, Locale locale) {
		boolean system = TimelineEntry.SYSTEM.equals(entry.actorName());
		if (TimelineEntry.RESIDENT.equals(entry.actorName())) {
			return text("timeline.actor.resident", locale);
		}
		String name = system ? text("timeline.actor.system", locale) : entry.actorName();
		Unit unit = entry.actorUnitId() == null ? null : units.get(entry.actorUnitId());
		String unitName = unit != null ? unit.name(locale.getLanguage()) : entry.actorUnit();
		return unitName == null ? name : text("timeline.actor.in-unit", locale, name, unitName);
	}

	private static final java.util.regex.Pattern FILE_NOTE = java.util.regex.Pattern.compile("(PUBLIC|INTERNAL) (.+)");

	/** The entry's note in words: codes by their labels, a person's text as they wrote it. */
	private @Nullable String detail(TimelineEntry entry, Locale locale) {
		String note = entry.note();
		if (note == null || note.isBlank()) {
			return null;
		}
		if (entry.action() == ProblemAction.EVALUATE && isRating(note)) {
			return text("rating." + note, locale);
		}
		// a file published to the reporter or withdrawn: "PUBLIC lamp.png" (ProblemRectification.publishFile)
		java.util.regex.Matcher file = FILE_NOTE.matcher(note);
		if (entry.action() == ProblemAction.PUBLISH && file.matches()) {
			return text("timeline.note.file." + file.group(1), locale, file.group(2));
		}
		if (note.matches("[A-Z][A-Z_]+")) {
			String known = messages.getMessage("timeline.note." + note, null, null, locale);
			if (known != null) {
				return known;
			}
		}
		return note;
	}

	private static boolean isRating(String note) {
		for (Rating rating : Rating.values()) {
			if (rating.name().equals(note)) {
				return true;
			}
		}
		return false;
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
