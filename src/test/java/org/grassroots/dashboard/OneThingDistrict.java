package org.grassroots.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.grassroots.support.Events;
import org.grassroots.shared.CampaignFigures;
import org.grassroots.shared.CampaignFigures.Count;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.Role;
import org.grassroots.shared.Times;
import org.grassroots.support.Api;
import org.grassroots.units.CreateUnit;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A district of the tests' own (two streets, a community under each) with five applications of
 * "one thing done at one time" published as the life events module publishes them (the contract
 * in docs/dashboard.md), through {@link TestCampaignItems}:
 * <ol>
 * <li>newborn, community 1: filed and completed this month within its limit, 3 working days;</li>
 * <li>newborn, community 1: filed and completed this month past its limit, 8 working days;</li>
 * <li>school, community 2: filed this month, open and overdue;</li>
 * <li>an event the catalogue does not name, community 2: filed and returned this month, material not valid;</li>
 * <li>school, community 1: filed last month, open, not overdue.</li>
 * </ol>
 */
final class OneThingDistrict {

	final CurrentUser city;

	final Unit district;

	final Unit street1;

	final Unit street2;

	final Unit community1;

	final Unit community2;

	final YearMonth month = YearMonth.now(Times.ZONE);

	final int key = CampaignFigures.monthKey(month.atDay(1));

	final int lastKey = CampaignFigures.monthKey(month.minusMonths(1).atDay(1));

	private final UnitManagement units;

	private final TestCampaignItems items;

	private final JdbcClient jdbc;

	OneThingDistrict(UnitManagement units, TestCampaignItems items, JdbcClient jdbc) {
		this.units = units;
		this.items = items;
		this.jdbc = jdbc;
		Unit root = units.getByCode("500000", DataScope.CITY);
		city = new CurrentUser(0, "city.test", "city.test", root.id(), root.path(), Set.of(Role.CITY_ADMIN), DataScope.CITY,
				DataScope.CITY, null, true, null, false);
		String code = Api.uniqueCode("L");
		district = unit(code, root, UnitLevel.DISTRICT);
		street1 = unit(code + "-S1", district, UnitLevel.STREET);
		street2 = unit(code + "-S2", district, UnitLevel.STREET);
		community1 = unit(code + "-C1", street1, UnitLevel.COMMUNITY);
		community2 = unit(code + "-C2", street2, UnitLevel.COMMUNITY);
	}

	/** Publishes the five applications and waits until the dashboard has them. */
	OneThingDistrict fileAll() {
		items.change(app(1, 1, community1, TestLifeEventNames.NEWBORN).filed(key).done(key, true, 3).figures());
		items.change(app(2, 1, community1, TestLifeEventNames.NEWBORN).filed(key).done(key, false, 8).figures());
		items.change(app(3, 1, community2, TestLifeEventNames.SCHOOL).filed(key).open(true).figures());
		items.change(app(4, 1, community2, TestLifeEventNames.UNNAMED).filed(key).returned(key, "MATERIAL_INVALID").figures());
		items.change(app(5, 1, community1, TestLifeEventNames.SCHOOL).filed(lastKey).open(false).figures());
		settle();
		return this;
	}

	/** An application's figures as the contract defines them, built up by what happened to it. */
	Application app(int number, long version, Unit at, String event) {
		return new Application("TEST-APPLICATION:" + district.code() + "-" + number, version, at.path(), event);
	}

	static final class Application {

		private final String itemKey;

		private final long version;

		private final String path;

		private final String event;

		private final List<Count> counts = new ArrayList<>();

		Application(String itemKey, long version, String path, String event) {
			this.itemKey = itemKey;
			this.version = version;
			this.path = path;
			this.event = event;
		}

		Application filed(int month) {
			return both(month, "LE_APPLIED", 1);
		}

		Application done(int month, boolean onTime, int days) {
			both(month, "LE_DONE", 1);
			if (onTime) {
				both(month, "LE_DONE_ON_TIME", 1);
			}
			return both(month, "LE_DONE_DAYS", days);
		}

		Application returned(int month, String reason) {
			counts.add(new Count(path, month, "LE_RETURNED:" + reason, 1));
			return both(month, "LE_RETURNED", 1);
		}

		Application open(boolean overdue) {
			both(CampaignFigures.NOW, "LE_OPEN", 1);
			return overdue ? both(CampaignFigures.NOW, "LE_OVERDUE", 1) : this;
		}

		/** The plain code and the one per event. */
		private Application both(int month, String code, int amount) {
			counts.add(new Count(path, month, code, amount));
			counts.add(new Count(path, month, code + ":" + event, amount));
			return this;
		}

		CampaignFigures figures() {
			return new CampaignFigures(itemKey, version, counts);
		}

	}

	void settle() {
		Events.settle(jdbc);
	}

	private Unit unit(String code, Unit parent, UnitLevel level) {
		return units.create(new CreateUnit(code, parent.id(), "测试" + code, "Test " + code, level, null,
				UnitKind.ADMINISTRATIVE), city);
	}

}
