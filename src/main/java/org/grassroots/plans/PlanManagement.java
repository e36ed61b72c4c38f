package org.grassroots.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.grassroots.plans.internal.MeasureRepository;
import org.grassroots.plans.internal.PlanAccess;
import org.grassroots.plans.internal.PlanRepository;
import org.grassroots.problems.Category;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Research plans: a district or street office writes and edits its plans; staff read the plans
 * of their scope and the plans they have measures in.
 */
@Service
public class PlanManagement {

	static final int LIST_LIMIT = 500;

	private final PlanRepository plans;

	private final MeasureRepository measures;

	private final UnitManagement units;

	private final ProblemViews problems;

	private final InputCheck input;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PlanManagement(PlanRepository plans, MeasureRepository measures, UnitManagement units, ProblemViews problems,
			InputCheck input, ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.measures = measures;
		this.units = units;
		this.problems = problems;
		this.input = input;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public ResearchPlan createPlan(PlanCommands.NewPlan command, CurrentUser user) {
		input.check(command);
		Unit owner = units.get(command.ownerUnitId() == null ? user.unitId() : command.ownerUnitId(), scope(user));
		if (!PlanAccess.writes(owner.path(), user)) {
			throw DomainException.forbidden("plans.error.not-writer");
		}
		if (owner.level() != UnitLevel.DISTRICT && owner.level() != UnitLevel.STREET) {
			throw DomainException.invalid("plans.error.owner-level");
		}
		period(command.periodStart(), command.periodEnd());
		List<String> categories = categories(command.categoryCodes());
		List<PlanRepository.Covered> covered = covered(owner, command.coveredUnitIds());
		long id = plans.insert(command.title().trim(), blank(command.topics()), categories, owner.id(), owner.path(),
				command.periodStart(), command.periodEnd(), user.getUsername(), clock.instant());
		plans.cover(id, covered);
		ResearchPlan plan = plans.find(id).orElseThrow();
		events.publishEvent(new ResearchPlanChanged("RESEARCH_PLAN_CREATED", null, plan));
		return plan;
	}

	/**
	 * Edits a plan's text, categories, units and period; refused when a measure would fall outside
	 * the new period or lose its category.
	 */
	@Transactional
	public ResearchPlan updatePlan(long id, PlanCommands.EditPlan command, CurrentUser user) {
		input.check(command);
		ResearchPlan before = written(id, user);
		period(command.periodStart(), command.periodEnd());
		List<String> categories = categories(command.categoryCodes());
		Unit owner = units.get(before.ownerUnitId(), DataScope.CITY);
		List<PlanRepository.Covered> covered = covered(owner, command.coveredUnitIds());
		for (MeasureLine line : measures.ofPlan(id, DataScope.CITY)) {
			WorkMeasure measure = line.measure();
			if (!categories.contains(measure.categoryCode()) || measure.startDate().isBefore(command.periodStart())
					|| measure.deadline().isAfter(command.periodEnd())) {
				throw DomainException.invalid("plans.error.measure-outside", measure.title());
			}
		}
		if (!plans.update(id, command.title().trim(), blank(command.topics()), categories, command.periodStart(),
				command.periodEnd(), command.version(), clock.instant())) {
			throw DomainException.staleVersion();
		}
		plans.cover(id, covered);
		ResearchPlan after = plans.find(id).orElseThrow();
		events.publishEvent(new ResearchPlanChanged("RESEARCH_PLAN_UPDATED", before, after));
		return after;
	}

	/** The plans the person may read, newest period first (at most 500). */
	@Transactional(readOnly = true)
	public List<ResearchPlan> plans(CurrentUser user) {
		return plans.visible(scope(user), LIST_LIMIT);
	}

	/** A plan the person may read, with the measures they may read; 404 otherwise. */
	@Transactional(readOnly = true)
	public PlanDetail plan(long id, CurrentUser user) {
		ResearchPlan plan = visible(id, user);
		return new PlanDetail(plan, measures.ofPlan(id, scope(user)), mayWrite(plan, user));
	}

	/** Whether the person may create plans at all: the city office and unit administrators. */
	public boolean mayCreate(CurrentUser user) {
		return user.has(Role.CITY_ADMIN) || user.has(Role.UNIT_ADMIN);
	}

	/** Every plan the person may read with its measures they may read, plan by plan, for the export. */
	@Transactional(readOnly = true)
	public void export(CurrentUser user, BiConsumer<ResearchPlan, List<MeasureLine>> sink) {
		List<ResearchPlan> visible = plans(user);
		Map<Long, List<MeasureLine>> byPlan = new HashMap<>();
		measures.export(visible.stream().map(ResearchPlan::id).toList(), scope(user),
				line -> byPlan.computeIfAbsent(line.measure().planId(), k -> new ArrayList<>()).add(line));
		visible.forEach(plan -> sink.accept(plan, byPlan.getOrDefault(plan.id(), List.of())));
	}

	/** The problem categories a plan may target, in their order. */
	@Transactional(readOnly = true)
	public List<Category> categories() {
		return problems.categories();
	}

	ResearchPlan visible(long id, CurrentUser user) {
		return plans.visible(id, scope(user)).orElseThrow(() -> new NotFoundException("research plan", id));
	}

	/** A plan the person may read and write: 404 when out of scope, 403 when they only read it. */
	ResearchPlan written(long id, CurrentUser user) {
		ResearchPlan plan = visible(id, user);
		if (!mayWrite(plan, user)) {
			throw DomainException.forbidden("plans.error.not-writer");
		}
		return plan;
	}

	static boolean mayWrite(ResearchPlan plan, CurrentUser user) {
		return PlanAccess.writes(plan.ownerUnitPath(), user);
	}

	static DataScope scope(CurrentUser user) {
		return user.isStaff() ? user.scope() : DataScope.NONE;
	}

	private static void period(LocalDate start, LocalDate end) {
		if (end.isBefore(start)) {
			throw DomainException.invalid("plans.error.period");
		}
	}

	private List<String> categories(List<String> codes) {
		Set<String> known = new LinkedHashSet<>(problems.categories().stream().map(Category::code).toList());
		Set<String> chosen = new LinkedHashSet<>();
		for (String code : codes) {
			if (code == null || !known.contains(code.trim())) {
				throw DomainException.invalid("plans.error.category-unknown", code);
			}
			chosen.add(code.trim());
		}
		return List.copyOf(chosen);
	}

	/** The units a plan covers: each must lie in the owner's subtree; the owner itself when none. */
	private List<PlanRepository.Covered> covered(Unit owner, @Nullable List<Long> ids) {
		if (ids == null || ids.isEmpty()) {
			return List.of(new PlanRepository.Covered(owner.id(), owner.path()));
		}
		DataScope subtree = new DataScope(false, Set.of(owner.path()), Set.of());
		List<PlanRepository.Covered> covered = new ArrayList<>();
		for (Long id : new LinkedHashSet<>(ids)) {
			Unit unit;
			try {
				unit = units.get(id, subtree);
			}
			catch (NotFoundException outside) {
				throw DomainException.invalid("plans.error.covered-unit");
			}
			covered.add(new PlanRepository.Covered(unit.id(), unit.path()));
		}
		return covered;
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
