package org.grassroots.dashboard;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.grassroots.dashboard.internal.CampaignStore;
import org.grassroots.dashboard.internal.Fact;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.LifeEventNames;
import org.grassroots.shared.Times;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-thing figures (一件事一次办) on the leadership view: applications filed, completed (within
 * the time limit, in how many working days), returned (by reason), open and overdue, for a unit
 * subtree, per life event and per administrative child, from the campaign counters the life events
 * module feeds with its {@code LE_} codes (docs/dashboard.md). Events are catalogue data: any code
 * published is shown, named through {@link LifeEventNames}.
 */
@Service
public class OneThingDashboard {

	/** The reasons an application is returned for, in the order they are shown. */
	public static final List<String> REASONS = List.of("NOT_ELIGIBLE", "MATERIAL_INVALID", "INFORMATION_WRONG",
			"CONSENT_REFUSED", "OTHER");

	private static final String PREFIX = "LE_";

	private static final List<String> MONTH_CODES = List.of(OneThingFigures.APPLIED, OneThingFigures.DONE,
			OneThingFigures.DONE_ON_TIME, OneThingFigures.DONE_DAYS, OneThingFigures.RETURNED);

	private static final List<String> NOW_CODES = List.of(OneThingFigures.OPEN, OneThingFigures.OVERDUE);

	private final CampaignStore store;

	private final UnitManagement units;

	private final Clock clock;

	private final ObjectProvider<LifeEventNames> names;

	private final MessageSource messages;

	OneThingDashboard(CampaignStore store, UnitManagement units, Clock clock, ObjectProvider<LifeEventNames> names,
			MessageSource messages) {
		this.store = store;
		this.units = units;
		this.clock = clock;
		this.names = names;
		this.messages = messages;
	}

	/**
	 * A unit's figures for the month (this month when none is given), per event and per child.
	 * Published like the other figures (the city's and districts' to all staff, below only within
	 * scope); the children are listed for the city and within the reader's scope.
	 */
	@Transactional(readOnly = true)
	public OneThingBoard board(String unitCode, @Nullable YearMonth month, CurrentUser user) {
		Unit unit = PublishedUnits.published(units, unitCode, user);
		YearMonth shown = month == null ? YearMonth.now(clock.withZone(Times.ZONE)) : month;
		int key = Fact.key(shown);
		List<Integer> months = List.of(key, Fact.NOW);
		Map<Integer, Map<String, Long>> rows = store.ofUnit(unit.path(), months, PREFIX);
		Map<String, Long> ofMonth = rows.getOrDefault(key, Map.of());
		Map<String, Long> now = rows.getOrDefault(Fact.NOW, Map.of());
		List<OneThingBoard.Child> children = new ArrayList<>();
		if (PublishedUnits.childrenListed(unit, user)) {
			Map<String, Map<Integer, Map<String, Long>>> childRows = store.childrenOf(unit.path(), months, PREFIX);
			for (Unit child : units.children(unit.id(), DataScope.CITY, 0)) {
				if (child.kind() == UnitKind.ADMINISTRATIVE) {
					Map<Integer, Map<String, Long>> its = childRows.getOrDefault(child.path(), Map.of());
					children.add(new OneThingBoard.Child(child.code(), child.nameZh(), child.nameEn(),
							user.scope().covers(child.path()),
							OneThingFigures.of(its.getOrDefault(key, Map.of()), its.getOrDefault(Fact.NOW, Map.of()))));
				}
			}
		}
		return new OneThingBoard(unit.code(), unit.nameZh(), unit.nameEn(), shown, OneThingFigures.of(ofMonth, now),
				events(ofMonth, now), reasons(ofMonth), children);
	}

	/** Each event with anything counted, most applications first, then most completed, then by code. */
	private List<OneThingBoard.Event> events(Map<String, Long> ofMonth, Map<String, Long> now) {
		Map<String, Map<String, Long>> monthByEvent = byEvent(ofMonth, MONTH_CODES);
		Map<String, Map<String, Long>> nowByEvent = byEvent(now, NOW_CODES);
		Map<String, OneThingFigures> figures = new TreeMap<>();
		for (String event : union(monthByEvent, nowByEvent)) {
			OneThingFigures its = OneThingFigures.of(monthByEvent.getOrDefault(event, Map.of()),
					nowByEvent.getOrDefault(event, Map.of()));
			if (its.any()) {
				figures.put(event, its);
			}
		}
		List<String> order = new ArrayList<>(figures.keySet());
		order.sort(Comparator.comparing((String event) -> -figures.get(event).applied())
			.thenComparing(event -> -figures.get(event).done())
			.thenComparing(Comparator.naturalOrder()));
		List<OneThingBoard.Event> events = new ArrayList<>();
		int unnamed = 0;
		for (String event : order) {
			Optional<String> zh = name(event, Locale.SIMPLIFIED_CHINESE);
			Optional<String> en = name(event, Locale.ENGLISH);
			if (zh.isEmpty() && en.isEmpty()) {
				unnamed++;
			}
			int number = unnamed;
			events.add(new OneThingBoard.Event(event,
					zh.or(() -> en).orElseGet(() -> unnamed(number, Locale.SIMPLIFIED_CHINESE)),
					en.or(() -> zh).orElseGet(() -> unnamed(number, Locale.ENGLISH)), figures.get(event)));
		}
		return events;
	}

	/**
	 * Splits {@code CODE:EVENT} counters by event. {@code LE_RETURNED:<suffix>} is a reason when the
	 * suffix is one of {@link #REASONS}, so no event may be coded like a reason.
	 */
	private static Map<String, Map<String, Long>> byEvent(Map<String, Long> rows, List<String> codes) {
		Map<String, Map<String, Long>> byEvent = new TreeMap<>();
		rows.forEach((measure, amount) -> {
			int colon = measure.indexOf(':');
			if (colon < 0) {
				return;
			}
			String code = measure.substring(0, colon);
			String suffix = measure.substring(colon + 1);
			if (codes.contains(code) && !(code.equals(OneThingFigures.RETURNED) && REASONS.contains(suffix))) {
				byEvent.computeIfAbsent(suffix, event -> new TreeMap<>()).put(code, amount);
			}
		});
		return byEvent;
	}

	private static Map<String, Long> reasons(Map<String, Long> ofMonth) {
		Map<String, Long> reasons = new LinkedHashMap<>();
		for (String reason : REASONS) {
			reasons.put(reason, ofMonth.getOrDefault(OneThingFigures.RETURNED + ":" + reason, 0L));
		}
		return reasons;
	}

	private static List<String> union(Map<String, ?> one, Map<String, ?> other) {
		TreeMap<String, Boolean> all = new TreeMap<>();
		one.keySet().forEach(key -> all.put(key, true));
		other.keySet().forEach(key -> all.put(key, true));
		return List.copyOf(all.keySet());
	}

	/** The catalogue's name; the first implementation that knows the code answers. */
	private Optional<String> name(String event, Locale locale) {
		return names.orderedStream()
			.map(known -> known.name(event, locale))
			.flatMap(Optional::stream)
			.filter(name -> !name.isBlank())
			.findFirst();
	}

	/** A code is never shown: an event the catalogue cannot name is "unnamed event 1", "2", ... */
	private String unnamed(int number, Locale locale) {
		return messages.getMessage("dashboard.le.event.unnamed", new Object[] { number }, locale);
	}

}
