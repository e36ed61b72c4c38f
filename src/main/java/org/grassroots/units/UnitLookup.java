package org.grassroots.units;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.UnitNames;
import org.grassroots.units.internal.UnitNameQueries;
import org.grassroots.units.internal.UnitRepository;
import org.springframework.stereotype.Service;

/**
 * Choosing a unit by name on a page: the picker's suggestions within a person's scope, and what
 * a form sent (a picked unit's code, or a name or code typed without the picker) turned back into
 * a unit, a miss answered as bad input rather than a missing page.
 */
@Service
public class UnitLookup implements UnitNames {

	/** Longer text names no unit: a name has at most 200 characters. */
	private static final int MAX_TEXT = 200;

	private final UnitNameQueries names;

	private final UnitRepository units;

	UnitLookup(UnitNameQueries names, UnitRepository units) {
		this.names = names;
		this.units = units;
	}

	/**
	 * Up to {@code limit} units in the scope whose code is the text or whose name starts with it;
	 * for no text, the tops of the scope and the units right below them.
	 */
	public List<UnitChoice> pick(String text, DataScope scope, int limit) {
		String trimmed = text.trim();
		if (trimmed.length() > MAX_TEXT) {
			return List.of();
		}
		if (!trimmed.isEmpty()) {
			return names.startingWith(trimmed, scope, limit);
		}
		List<UnitChoice> choices = new ArrayList<>();
		List<Unit> roots = units.roots(scope);
		roots.stream().limit(limit).forEach(root -> choices.add(new UnitChoice(root, null, null)));
		for (Unit root : roots) {
			if (choices.size() >= limit) {
				break;
			}
			units.children(root.id(), scope, 0, limit - choices.size())
				.forEach(child -> choices.add(new UnitChoice(child, root.nameZh(), root.nameEn())));
		}
		return choices;
	}

	@Override
	public Named resolve(String text, DataScope scope) {
		String trimmed = text.trim();
		if (trimmed.isEmpty()) {
			throw DomainException.invalid("units.pick.empty");
		}
		if (trimmed.length() > MAX_TEXT) {
			throw DomainException.invalid("units.pick.unknown", trimmed.substring(0, 20) + "…");
		}
		var byCode = units.findByCode(trimmed, scope);
		if (byCode.isPresent()) {
			Unit unit = byCode.get();
			return new Named(unit.id(), unit.code(), unit.path(), unit.nameZh(), unit.nameEn());
		}
		List<Named> named = names.named(trimmed, scope, 2);
		if (named.isEmpty()) {
			throw DomainException.invalid("units.pick.unknown", trimmed);
		}
		if (named.size() > 1) {
			throw DomainException.invalid("units.pick.ambiguous", trimmed);
		}
		return named.get(0);
	}

	@Override
	public List<String> codesNamed(String name, DataScope scope, int limit) {
		String trimmed = name.trim();
		if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT) {
			return List.of();
		}
		return names.named(trimmed, scope, limit).stream().map(Named::code).toList();
	}

	@Override
	public Map<String, Named> byCodes(Collection<String> codes) {
		Map<String, Named> found = new LinkedHashMap<>();
		names.byCodes(codes).forEach(unit -> found.put(unit.code(), unit));
		return found;
	}

	@Override
	public Map<Long, Named> byIds(Collection<Long> ids) {
		Map<Long, Named> found = new LinkedHashMap<>();
		names.byIds(ids).forEach(unit -> found.put(unit.id(), unit));
		return found;
	}

}
