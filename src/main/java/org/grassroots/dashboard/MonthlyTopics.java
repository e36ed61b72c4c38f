package org.grassroots.dashboard;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.grassroots.dashboard.internal.TopicRepository;
import org.grassroots.problems.Category;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.Role;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One topic a month (每月一题): the city administrator picks a month's problem category with a
 * note (audited, with the version seen); every unit's dashboard shows the topic with its counts
 * for that unit, read through {@link DashboardFigures} so they are the categories' numbers.
 */
@Service
public class MonthlyTopics {

	/** How far ahead a topic may be picked: this month and the next. */
	private static final int AHEAD = 1;

	/** How far back a topic may be picked or changed. */
	private static final int BACK = 60;

	private final TopicRepository topics;

	private final DashboardFigures figures;

	private final ProblemViews problems;

	private final UnitManagement units;

	private final ApplicationEventPublisher events;

	private final InputCheck input;

	private final Clock clock;

	MonthlyTopics(TopicRepository topics, DashboardFigures figures, ProblemViews problems, UnitManagement units,
			ApplicationEventPublisher events, InputCheck input, Clock clock) {
		this.topics = topics;
		this.figures = figures;
		this.problems = problems;
		this.units = units;
		this.events = events;
		this.input = input;
		this.clock = clock;
	}

	/** Every topic picked, newest month first (staff). */
	@Transactional(readOnly = true)
	public List<Topic> list(CurrentUser user) {
		staff(user);
		Map<String, Category> categories = categories();
		return topics.upTo(figures.thisMonth().plusMonths(AHEAD))
			.stream()
			.map(row -> topic(row, categories))
			.toList();
	}

	/** The month's topic, if one was picked (staff). */
	@Transactional(readOnly = true)
	public Optional<Topic> find(YearMonth month, CurrentUser user) {
		staff(user);
		return topics.find(month).map(row -> topic(row, categories()));
	}

	/**
	 * Picks or changes a month's topic (city administrator only): a known category, a note of at
	 * most 200 characters, a month from 60 months back to next month, and the version seen (0 or
	 * none for a month without a topic). A stale version answers 409.
	 */
	@Transactional
	public Topic choose(YearMonth month, Topic.Choice choice, CurrentUser user) {
		if (!user.has(Role.CITY_ADMIN)) {
			throw DomainException.forbidden("error.403.text");
		}
		input.check(choice);
		YearMonth thisMonth = figures.thisMonth();
		if (month.isAfter(thisMonth.plusMonths(AHEAD)) || month.isBefore(thisMonth.minusMonths(BACK))) {
			throw DomainException.invalid("dashboard.topic.error.month");
		}
		Map<String, Category> categories = categories();
		if (!categories.containsKey(choice.category())) {
			throw DomainException.invalid("dashboard.topic.error.category");
		}
		String note = choice.note().strip();
		int seen = choice.version() == null ? 0 : choice.version();
		Optional<TopicRepository.Row> before = topics.find(month);
		if (before.isEmpty()) {
			if (seen != 0) {
				throw DomainException.staleVersion();
			}
			try {
				topics.insert(month, choice.category(), note, user.getUsername(), clock.instant());
			}
			catch (DuplicateKeyException ex) {
				throw DomainException.staleVersion();
			}
		}
		else if (!topics.update(month, choice.category(), note, seen, user.getUsername(), clock.instant())) {
			throw DomainException.staleVersion();
		}
		Topic after = topic(topics.find(month).orElseThrow(), categories);
		events.publishEvent(new TopicChosen(before.map(row -> topic(row, categories)).orElse(null), after,
				user.unitPath()));
		return after;
	}

	/**
	 * A unit's topics as of a month: that month's topic (if any) and the earlier ones, newest first,
	 * each with its category's counts for the unit from the month before the topic up to the month.
	 * Published like the unit's figures: the city and districts to all staff, below only in scope.
	 */
	@Transactional(readOnly = true)
	public UnitTopics ofUnit(String unitCode, @Nullable YearMonth month, CurrentUser user) {
		YearMonth shown = month == null ? figures.thisMonth() : month;
		// the same scope as the unit's figures, checked even where there is no topic
		figures.categoryMonths(unitCode, "*", shown, shown, user);
		Unit unit = units.getByCode(unitCode, DataScope.CITY);
		Map<String, Category> categories = categories();
		TopicFigures current = null;
		List<TopicFigures> earlier = new ArrayList<>();
		for (TopicRepository.Row row : topics.upTo(shown)) {
			if (row.month().isBefore(shown.minusMonths(BACK - 1))) {
				break;
			}
			TopicFigures topicFigures = figuresOf(topic(row, categories), unit, shown, user);
			if (row.month().equals(shown)) {
				current = topicFigures;
			}
			else {
				earlier.add(topicFigures);
			}
		}
		return new UnitTopics(unit.code(), unit.nameZh(), unit.nameEn(), shown, current, earlier);
	}

	/**
	 * The month's own topic with its counts for the unit (this month, last month, the change), if
	 * one was picked: {@link #ofUnit}'s {@code current} without the earlier topics.
	 */
	@Transactional(readOnly = true)
	public Optional<TopicFigures> ofMonth(String unitCode, YearMonth month, CurrentUser user) {
		figures.categoryMonths(unitCode, "*", month, month, user);
		Unit unit = units.getByCode(unitCode, DataScope.CITY);
		return topics.find(month).map(row -> figuresOf(topic(row, categories()), unit, month, user));
	}

	/**
	 * The high-frequency categories the topic is picked from: the city's counts per category in the
	 * month beside the month before, most frequent first.
	 */
	@Transactional(readOnly = true)
	public List<CategoryCount> highFrequency(@Nullable YearMonth month, CurrentUser user) {
		return figures.categories(city().code(), month, user);
	}

	/** The city, whose figures the topics page shows. */
	public Unit city() {
		return units.roots(DataScope.CITY).get(0);
	}

	private TopicFigures figuresOf(Topic topic, Unit unit, YearMonth shown, CurrentUser user) {
		List<CategoryMonth> counts = figures.categoryMonths(unit.code(), topic.categoryCode(),
				topic.month().minusMonths(1), shown, user);
		List<CategoryMonth> months = counts.subList(1, counts.size());
		long latest = months.get(months.size() - 1).received();
		long previous = counts.get(counts.size() - 2).received();
		return new TopicFigures(topic, unit.code(), unit.nameZh(), counts.get(0).received(), List.copyOf(months),
				latest - previous, previous == 0 ? null : Figures.rate(latest - previous, previous));
	}

	private Map<String, Category> categories() {
		return problems.categories().stream().collect(Collectors.toMap(Category::code, Function.identity()));
	}

	private static Topic topic(TopicRepository.Row row, Map<String, Category> categories) {
		Category category = categories.get(row.categoryCode());
		String zh = category == null ? row.categoryCode() : category.nameZh();
		String en = category == null ? row.categoryCode() : category.nameEn();
		return new Topic(row.month(), row.categoryCode(), zh, en, row.note(), row.version(), row.chosenBy(),
				Objects.requireNonNull(row.chosenAt()));
	}

	private static void staff(CurrentUser user) {
		if (!user.isStaff()) {
			throw DomainException.forbidden("error.403.text");
		}
	}

	/** A unit's topics as of a month. */
	public record UnitTopics(String unitCode, String unitName, @Nullable String unitNameEn, YearMonth month,
			@Nullable TopicFigures current, List<TopicFigures> earlier) {

	}

}
