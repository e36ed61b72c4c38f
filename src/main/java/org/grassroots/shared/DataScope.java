package org.grassroots.shared;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What part of the unit tree a person may see: the union over their roles of whole subtrees
 * (by materialized path prefix) and single units (by exact path). Turned into SQL so scope is
 * enforced in the query, not by filtering after loading.
 *
 * @param all the whole city
 * @param subtrees paths whose unit and everything below are in scope
 * @param units paths of single units in scope without their descendants
 */
public record DataScope(boolean all, Set<String> subtrees, Set<String> units) implements Serializable {

	public static final DataScope NONE = new DataScope(false, Set.of(), Set.of());

	public static final DataScope CITY = new DataScope(true, Set.of(), Set.of());

	public DataScope {
		subtrees = Set.copyOf(subtrees);
		units = Set.copyOf(units);
	}

	public boolean isEmpty() {
		return !all && subtrees.isEmpty() && units.isEmpty();
	}

	/** Whether a unit with this materialized path is in scope. */
	public boolean covers(String path) {
		return all || units.contains(path) || subtrees.stream().anyMatch(path::startsWith);
	}

	/** Whole subtrees only: where a change may also reach the units below. */
	public DataScope subtreesOnly() {
		return units.isEmpty() ? this : new DataScope(all, subtrees, Set.of());
	}

	public DataScope union(DataScope other) {
		if (all || other.all) {
			return CITY;
		}
		var trees = new java.util.HashSet<>(subtrees);
		trees.addAll(other.subtrees);
		var singles = new java.util.HashSet<>(units);
		singles.addAll(other.units);
		return new DataScope(false, trees, singles);
	}

	/**
	 * The condition that a path column lies in scope, with parameters named after the given
	 * prefix so that two scoped columns can share one statement.
	 */
	public SqlCondition on(String pathColumn, String paramPrefix) {
		if (all) {
			return SqlCondition.always();
		}
		if (isEmpty()) {
			return SqlCondition.never();
		}
		List<String> terms = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		int i = 0;
		for (String tree : subtrees) {
			String name = paramPrefix + i++;
			terms.add(pathColumn + " like :" + name);
			params.put(name, tree + "%");
		}
		if (!units.isEmpty()) {
			String name = paramPrefix + i;
			terms.add(pathColumn + " in (:" + name + ")");
			params.put(name, List.copyOf(units));
		}
		return new SqlCondition("(" + String.join(" or ", terms) + ")", params);
	}

	public SqlCondition on(String pathColumn) {
		return on(pathColumn, "scope");
	}

}
