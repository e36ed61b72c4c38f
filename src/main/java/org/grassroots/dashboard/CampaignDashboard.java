package org.grassroots.dashboard;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.grassroots.dashboard.internal.CampaignStore;
import org.grassroots.dashboard.internal.Fact;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Times;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's figures on the leadership view: visits by kind and the problems they collected,
 * work measures due, done and overdue, typical cases published and mechanisms adopted, for a unit
 * and its administrative children, from the dashboard's own campaign counters.
 */
@Service
public class CampaignDashboard {

	private final CampaignStore store;

	private final UnitManagement units;

	private final Clock clock;

	CampaignDashboard(CampaignStore store, UnitManagement units, Clock clock) {
		this.store = store;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * A unit's figures for the month (this month when none is given) and its children's. Published
	 * like the other figures; the children are listed for the city and within the reader's scope.
	 */
	@Transactional(readOnly = true)
	public CampaignBoard board(String unitCode, @Nullable YearMonth month, CurrentUser user) {
		Unit unit = PublishedUnits.published(units, unitCode, user);
		YearMonth shown = month == null ? YearMonth.now(clock.withZone(Times.ZONE)) : month;
		List<Integer> months = List.of(Fact.key(shown), Fact.NOW);
		Map<CampaignMeasure, Long> figures = figures(store.ofUnit(unit.path(), months), shown);
		List<CampaignBoard.Child> children = new ArrayList<>();
		if (PublishedUnits.childrenListed(unit, user)) {
			Map<String, Map<Integer, Map<String, Long>>> rows = store.childrenOf(unit.path(), months);
			for (Unit child : units.children(unit.id(), DataScope.CITY, 0)) {
				if (child.kind() == UnitKind.ADMINISTRATIVE) {
					children.add(new CampaignBoard.Child(child.code(), child.nameZh(), child.nameEn(),
							user.scope().covers(child.path()), figures(rows.getOrDefault(child.path(), Map.of()), shown)));
				}
			}
		}
		return new CampaignBoard(unit.code(), unit.nameZh(), unit.nameEn(), shown, figures, children);
	}

	private static Map<CampaignMeasure, Long> figures(Map<Integer, Map<String, Long>> rows, YearMonth month) {
		Map<CampaignMeasure, Long> figures = new EnumMap<>(CampaignMeasure.class);
		for (CampaignMeasure measure : CampaignMeasure.values()) {
			int key = measure.now() ? Fact.NOW : Fact.key(month);
			figures.put(measure, rows.getOrDefault(key, Map.of()).getOrDefault(measure.name(), 0L));
		}
		return figures;
	}

}
