package org.grassroots.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.shared.DomainException;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;

/**
 * The span a GET asks for, from {@code start_date} and {@code end_date} in the W3C date and time
 * forms (https://www.w3.org/TR/NOTE-datetime): a year, a month or a day alone covers that period
 * in Asia/Shanghai (from its first moment for the start, to its last for the end); a time takes
 * the offset {@code Z}, {@code +08:00}, {@code +0800} or {@code +08}, and the city's offset when it
 * has none. A {@code +} a client forgot to encode arrives as a space and is read as {@code +}.
 *
 * @param start the first moment included
 * @param end the last moment included
 */
public record DateWindow(Instant start, Instant end) {

	private static final Pattern W3C = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:[Tt ](\\d{2}):(\\d{2})"
			+ "(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*([Zz]|[+\\- ]\\d{2}(?::?\\d{2})?)?)?)?)?");

	/** The last microsecond of a period: the databases keep microseconds. */
	private static final Duration LAST_MOMENT = Duration.ofNanos(1000);

	/**
	 * The window of a GET: given bounds are checked for order and the limit; with one bound only,
	 * the other is now, or the limit away when now is further.
	 *
	 * @param fallback the span when neither bound is given, ending now
	 */
	static DateWindow of(@Nullable String startDate, @Nullable String endDate, Instant now, Duration limit,
			Duration fallback) {
		Instant start = parse(startDate, "start_date", false);
		Instant end = parse(endDate, "end_date", true);
		if (start == null && end == null) {
			return new DateWindow(now.minus(fallback), now);
		}
		if (end == null) {
			Instant limited = start.plus(limit);
			end = now.isAfter(limited) ? limited : now.isBefore(start) ? start : now;
		}
		if (start == null) {
			start = end.minus(limit);
		}
		if (end.isBefore(start)) {
			throw DomainException.invalid("open311.error.date-order");
		}
		if (Duration.between(start, end).compareTo(limit) > 0) {
			throw DomainException.invalid("open311.error.date-span", limit.toDays());
		}
		return new DateWindow(start, end);
	}

	/** One W3C date or time; a period alone means its first moment, or its last when {@code end}. */
	static @Nullable Instant parse(@Nullable String value, String name, boolean end) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Matcher w3c = W3C.matcher(value.strip());
		if (!w3c.matches()) {
			throw DomainException.invalid("open311.error.parameter", name);
		}
		try {
			int year = Integer.parseInt(w3c.group(1));
			if (w3c.group(2) == null) {
				LocalDate first = LocalDate.of(year, 1, 1);
				return bound(first, first.plusYears(1), end);
			}
			int month = Integer.parseInt(w3c.group(2));
			if (w3c.group(3) == null) {
				LocalDate first = LocalDate.of(year, month, 1);
				return bound(first, first.plusMonths(1), end);
			}
			LocalDate day = LocalDate.of(year, month, Integer.parseInt(w3c.group(3)));
			if (w3c.group(4) == null) {
				return bound(day, day.plusDays(1), end);
			}
			String fraction = w3c.group(7) == null ? "0" : (w3c.group(7) + "00000000").substring(0, 9);
			LocalDateTime time = day.atTime(Integer.parseInt(w3c.group(4)), Integer.parseInt(w3c.group(5)),
					w3c.group(6) == null ? 0 : Integer.parseInt(w3c.group(6)), Integer.parseInt(fraction));
			return w3c.group(8) == null ? time.atZone(Times.ZONE).toInstant() : time.toInstant(offset(w3c.group(8)));
		}
		catch (java.time.DateTimeException | NumberFormatException ex) {
			throw DomainException.invalid("open311.error.parameter", name);
		}
	}

	private static Instant bound(LocalDate first, LocalDate next, boolean end) {
		ZonedDateTime from = (end ? next : first).atStartOfDay(Times.ZONE);
		return end ? from.toInstant().minus(LAST_MOMENT) : from.toInstant();
	}

	private static ZoneOffset offset(String text) {
		if (text.equalsIgnoreCase("Z")) {
			return ZoneOffset.UTC;
		}
		String digits = text.substring(1).replace(":", "");
		int hours = Integer.parseInt(digits.substring(0, 2));
		int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
		return ZoneOffset.ofHoursMinutes(text.charAt(0) == '-' ? -hours : hours, text.charAt(0) == '-' ? -minutes : minutes);
	}

}
