package org.grassroots.visits.web;

import java.util.List;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.grassroots.visits.ReceptionDays;
import org.jspecify.annotations.Nullable;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public reception-day page (no sign-in): a resident chooses their district, street and
 * community step by step (plain forms, so it works on any phone) and sees the coming days of that
 * unit and of the units above it.
 */
@PageController
class ReceptionDayPublicPage {

	private final ReceptionDays receptionDays;

	private final UnitManagement units;

	ReceptionDayPublicPage(ReceptionDays receptionDays, UnitManagement units) {
		this.receptionDays = receptionDays;
		this.units = units;
	}

	@GetMapping("/reception-days")
	String page(@RequestParam(required = false) String unit, Model model) {
		Unit chosen = unit == null || unit.isBlank() ? ownUnit() : units.findByCode(unit.trim(), DataScope.CITY).orElse(null);
		if (chosen == null) {
			List<Unit> roots = units.roots(DataScope.CITY);
			Unit city = roots.isEmpty() ? null : roots.get(0);
			model.addAttribute("unknown", unit != null && !unit.isBlank());
			model.addAttribute("lineage", List.of());
			model.addAttribute("choices", city == null ? List.of() : administrative(units.children(city.id(), DataScope.CITY, 0)));
			model.addAttribute("days", List.of());
			return "visits/public-reception-days";
		}
		model.addAttribute("unit", chosen);
		model.addAttribute("lineage", units.lineage(chosen, DataScope.CITY));
		model.addAttribute("choices", administrative(units.children(chosen.id(), DataScope.CITY, 0)));
		model.addAttribute("days", receptionDays.coming(chosen.code()));
		return "visits/public-reception-days";
	}

	/** A signed-in person's own unit to start from (a resident's community), none for a visitor or the city's staff. */
	private @Nullable Unit ownUnit() {
		CurrentUser user = CurrentUser.current();
		if (user == null) {
			return null;
		}
		// a unit's path is its codes from the city down: the last one is the person's own unit
		String path = user.unitPath();
		String code = path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1);
		return units.findByCode(code, DataScope.CITY).filter(own -> own.level() != UnitLevel.CITY).orElse(null);
	}

	/** Residents live in districts, streets and communities, not in departments. */
	private static List<Unit> administrative(List<Unit> children) {
		return children.stream().filter(child -> child.kind() == UnitKind.ADMINISTRATIVE).toList();
	}

}
