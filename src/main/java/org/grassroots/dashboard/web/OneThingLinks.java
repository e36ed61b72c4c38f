package org.grassroots.dashboard.web;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.dashboard.OneThingBoard;
import org.grassroots.dashboard.OneThingFigures;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The applications behind a one-thing number: the life events module's application list
 * ({@code /lifeevents/applications}) filtered as the figure is defined in docs/dashboard.md. The
 * page links a number only where the reader's scope covers the unit and the number is not zero.
 */
@Component
class OneThingLinks {

	static final String LIST = "/lifeevents/applications";

	/**
	 * The links of a board's non-zero numbers, by {@code <event>/<figure>} ({@code /<figure>} for
	 * all events; a reason code as the figure for the returned by reason), for a reader in scope.
	 */
	Map<String, String> of(OneThingBoard board) {
		Map<String, String> links = new HashMap<>();
		String unit = board.unitCode();
		put(links, unit, null, board.figures(), board);
		for (OneThingBoard.Event event : board.events()) {
			put(links, unit, event.event(), event.figures(), board);
		}
		board.returnedByReason().forEach((reason, count) -> {
			if (count > 0) {
				links.put("/" + reason, href(unit, null, board.month(), reason));
			}
		});
		return links;
	}

	private void put(Map<String, String> links, String unit, @Nullable String event, OneThingFigures f,
			OneThingBoard board) {
		List<Long> values = List.of(f.applied(), f.done(), f.doneOnTime(), f.returned(), f.open(), f.overdue());
		List<String> figures = List.of("applied", "done", "done-on-time", "returned", "open", "overdue");
		for (int i = 0; i < figures.size(); i++) {
			if (values.get(i) > 0) {
				links.put((event == null ? "" : event) + "/" + figures.get(i),
						href(unit, event, board.month(), figures.get(i)));
			}
		}
	}

	/**
	 * The list behind a figure.
	 *
	 * @param figure applied, done, done-on-time, returned, open, overdue, or a reason code of a return
	 * @param event the life event's code, null for every event
	 */
	String href(String unitCode, @Nullable String event, YearMonth month, String figure) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(LIST).queryParam("unit", unitCode);
		if (event != null) {
			uri.queryParam("event", event);
		}
		switch (figure) {
			case "applied" -> uri.queryParam("month", month.toString());
			case "done" -> uri.queryParam("month", month.toString()).queryParam("state", "COMPLETED");
			case "done-on-time" -> uri.queryParam("month", month.toString())
				.queryParam("state", "COMPLETED")
				.queryParam("onTime", true);
			case "returned" -> uri.queryParam("month", month.toString()).queryParam("state", "RETURNED");
			case "open" -> uri.queryParam("state", "OPEN");
			case "overdue" -> uri.queryParam("state", "OPEN").queryParam("overdue", true);
			default -> uri.queryParam("month", month.toString())
				.queryParam("state", "RETURNED")
				.queryParam("reason", figure);
		}
		return uri.build().encode().toUriString();
	}

}
