package org.grassroots.units;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.units.internal.UnitImport;
import org.grassroots.units.internal.UnitRepository;
import org.grassroots.units.internal.UnitRepository.NewUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Browsing and changing the hierarchy. Reads for a person take their scope; changes need a unit
 * administrator whose scope holds both the unit and, for a move, the new parent.
 */
@Service
public class UnitManagement {

	private static final int MAX_CHILDREN = 500;

	private final UnitRepository units;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final InputCheck input;

	private final UnitBoundaries boundaries;

	UnitManagement(UnitRepository units, ApplicationEventPublisher events, Clock clock, InputCheck input,
			UnitBoundaries boundaries) {
		this.boundaries = boundaries;
		this.units = units;
		this.events = events;
		this.clock = clock;
		this.input = input;
	}

	@Transactional(readOnly = true)
	public Unit get(long id, DataScope scope) {
		return units.find(id, scope).orElseThrow(() -> new NotFoundException("unit", id));
	}

	@Transactional(readOnly = true)
	public Unit getByCode(String code, DataScope scope) {
		return units.findByCode(code, scope).orElseThrow(() -> new NotFoundException("unit", code));
	}

	/**
	 * The unit with this code in the scope, if any, for callers that fall back when there is none:
	 * unlike {@link #getByCode}, a miss does not mark the caller's transaction for rollback.
	 */
	@Transactional(readOnly = true)
	public Optional<Unit> findByCode(String code, DataScope scope) {
		return units.findByCode(code, scope);
	}

	/** Units by id whatever the scope, for showing the names of units a visible object refers to. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, Unit> byIds(java.util.Collection<Long> ids) {
		var found = new java.util.HashMap<Long, Unit>();
		units.findByIds(ids).forEach(unit -> found.put(unit.id(), unit));
		return found;
	}

	/** Units by code whatever the scope, for showing the names of units a visible object names by code. */
	@Transactional(readOnly = true)
	public java.util.Map<String, Unit> byCodes(java.util.Collection<String> codes) {
		var found = new java.util.HashMap<String, Unit>();
		units.findByCodes(codes, DataScope.CITY).forEach(unit -> found.put(unit.code(), unit));
		return found;
	}

	/** The units from the top of the scope down to this one, for breadcrumbs. */
	@Transactional(readOnly = true)
	public List<Unit> lineage(Unit unit, DataScope scope) {
		return units.findByCodes(unit.pathCodes(), scope);
	}

	/**
	 * The paths of every unit in the scope, when there are at most {@code limit}: for queries that
	 * read each unit's rows apart, which pays only for small scopes.
	 */
	@Transactional(readOnly = true)
	public Optional<List<String>> paths(DataScope scope, int limit) {
		List<String> paths = units.paths(scope, limit + 1);
		return paths.size() > limit ? Optional.empty() : Optional.of(paths);
	}

	@Transactional(readOnly = true)
	public List<Unit> roots(DataScope scope) {
		return units.roots(scope);
	}

	@Transactional(readOnly = true)
	public List<Unit> children(long parentId, DataScope scope, int offset) {
		get(parentId, scope);
		return units.children(parentId, scope, Math.max(offset, 0), MAX_CHILDREN);
	}

	@Transactional(readOnly = true)
	public List<Unit> search(String text, DataScope scope) {
		String trimmed = text.trim();
		return trimmed.isEmpty() ? List.of() : units.search(trimmed, scope, 50);
	}

	@Transactional
	public Unit create(CreateUnit command, CurrentUser user) {
		input.check(command);
		DataScope writable = writableScope(user);
		Unit parent = units.lock(command.parentId(), writable).orElseThrow(() -> new NotFoundException("unit", command.parentId()));
		return create(command, parent, false, user.unitsScope());
	}

	/** Adds demo units under a parent without a person's scope; used by the demo data loader only. */
	@Transactional
	public Unit createDemo(CreateUnit command) {
		Unit parent = get(command.parentId(), DataScope.CITY);
		return create(command, parent, true, DataScope.CITY);
	}

	@Transactional
	public Unit rename(long id, RenameUnit command, CurrentUser user) {
		input.check(command);
		Unit before = units.find(id, writableScope(user)).orElseThrow(() -> new NotFoundException("unit", id));
		checkNotOwnUnit(before, user);
		if (!units.rename(id, command.nameZh().trim(), blankToNull(command.nameEn()), command.version())) {
			throw DomainException.staleVersion();
		}
		Unit after = get(id, DataScope.CITY);
		events.publishEvent(new UnitRenamed(before, after));
		return after;
	}

	/**
	 * Moves a unit with its whole subtree in one transaction. Both rows are locked first, so two
	 * crossing moves cannot build a cycle between them.
	 */
	@Transactional
	public Unit move(long id, MoveUnit command, CurrentUser user) {
		input.check(command);
		DataScope writable = writableScope(user);
		Unit before = units.lock(id, writable).orElseThrow(() -> new NotFoundException("unit", id));
		checkNotOwnUnit(before, user);
		Unit parent = units.lock(command.parentId(), writable).orElseThrow(() -> new NotFoundException("unit", command.parentId()));
		if (parent.path().startsWith(before.path())) {
			throw DomainException.conflict("units.error.move-into-own-subtree", before.code(), parent.code());
		}
		UnitRules.checkPlacement(before.level(), before.kind(), parent);
		if (!units.reparent(id, parent.id(), command.version())) {
			throw DomainException.staleVersion();
		}
		boundaries.checkStillFits(id);
		String newPath = parent.path() + before.code() + "/";
		int moved = units.rewritePaths(before.path(), newPath, parent.depth() + 1 - before.depth());
		Unit after = get(id, DataScope.CITY);
		events.publishEvent(new UnitMoved(before, after, moved));
		return after;
	}

	/** Imports every line of a CSV file, or none: all lines are checked before the first insert. */
	@Transactional
	public int importCsv(String csv, CurrentUser user) {
		List<UnitImport.Line> lines = new UnitImport(units, writableScope(user)).check(csv);
		for (UnitImport.Line line : lines) {
			Unit parent = units.findByCode(line.parentCode(), DataScope.CITY).orElseThrow();
			create(new CreateUnit(line.code(), parent.id(), line.nameZh(), line.nameEn(), line.level(), line.batch(),
					line.kind()), parent, false, user.unitsScope());
		}
		return lines.size();
	}

	/**
	 * A code taken by a unit the person cannot see answers only that the code is not available, so
	 * that creating units cannot be used to learn what lies outside the scope.
	 */
	private Unit create(CreateUnit command, Unit parent, boolean demo, DataScope visible) {
		UnitRules.checkPlacement(command.level(), command.kindOrDefault(), parent);
		if (units.codeExists(command.code())) {
			throw DomainException.conflict(units.findByCode(command.code(), visible).isPresent() ? "units.error.code-exists"
					: "units.error.code-unavailable", command.code());
		}
		long id = units.insert(new NewUnit(command.code(), command.nameZh().trim(), blankToNull(command.nameEn()),
				command.level(), command.batchOrDefault(), command.kindOrDefault(), parent.id(),
				parent.path() + command.code() + "/", parent.depth() + 1, demo), clock.instant());
		Unit created = get(id, DataScope.CITY);
		events.publishEvent(new UnitCreated(created));
		return created;
	}

	/**
	 * Where an administrator may change units: whole subtrees only, since a new unit, a renamed one
	 * or a moved one affects what lies below; a role scoped to its own unit alone changes none.
	 */
	private static DataScope writableScope(CurrentUser user) {
		return user.unitsAdministered().subtreesOnly();
	}

	private static void checkNotOwnUnit(Unit unit, CurrentUser user) {
		if (!user.has(Role.CITY_ADMIN) && !user.unitsAdministered().all() && unit.path().equals(user.unitPath())) {
			throw DomainException.forbidden("units.error.own-unit");
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
