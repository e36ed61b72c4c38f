package org.grassroots.visits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.shared.Times;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.grassroots.visits.VisitCommands.Cancel;
import org.grassroots.visits.VisitCommands.NewReceptionDay;
import org.grassroots.visits.internal.ReceptionDayRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Petition-reception days (接访日): leading cadres publish them for a unit in their scope and may
 * cancel them; anyone, without an account, reads the coming ones of a unit and of the units above it.
 */
@Service
public class ReceptionDays {

	/** How many coming days the public list shows at most. */
	public static final int PUBLIC_LIMIT = 100;

	private final ReceptionDayRepository days;

	private final UnitManagement units;

	private final InputCheck input;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReceptionDays(ReceptionDayRepository days, UnitManagement units, InputCheck input, ApplicationEventPublisher events,
			Clock clock) {
		this.days = days;
		this.units = units;
		this.input = input;
		this.events = events;
		this.clock = clock;
	}

	/** A cadre publishes a day at a unit in their scope, today or later, ending after it starts. */
	@Transactional
	public ReceptionDay publish(NewReceptionDay given, CurrentUser user) {
		VisitRules.check(VisitRules.VisitAction.PUBLISH_RECEPTION_DAY, user);
		NewReceptionDay command = input.check(given);
		if (command.receptionDate().isBefore(today())) {
			throw DomainException.invalid("visits.error.reception-past", command.receptionDate());
		}
		if (!command.endsAt().isAfter(command.startsAt())) {
			throw DomainException.invalid("visits.error.reception-times");
		}
		Unit unit = units.findByCode(command.unitCode().trim(), DataScope.CITY)
			.filter(found -> user.scope().covers(found.path()))
			.orElseThrow(() -> DomainException.invalid("visits.error.unit-out-of-scope", command.unitCode().trim()));
		long id = days.insert(command, user.accountId(), user.displayName(), unit.id(), unit.path(), clock.instant());
		ReceptionDay day = days.find(id, DataScope.CITY).orElseThrow();
		events.publishEvent(new ReceptionDayPublished(day));
		return day;
	}

	/** The cadre who published it, or an administrator whose scope covers its unit, cancels a day. */
	@Transactional
	public ReceptionDay cancel(long id, Cancel command, CurrentUser user) {
		VisitRules.check(VisitRules.VisitAction.CANCEL_RECEPTION_DAY, user);
		input.check(command);
		ReceptionDay before = days.find(id, user.scope()).orElseThrow(() -> new NotFoundException("reception day", id));
		boolean own = before.cadreAccountId() == user.accountId();
		// a cadre cancels their own days; an administrator any day in their scope
		if (!own && !user.has(Role.UNIT_ADMIN) && !user.has(Role.CITY_ADMIN)) {
			throw DomainException.forbidden("visits.error.not-own-reception");
		}
		if (before.cancelled()) {
			throw DomainException.conflict("visits.error.already-cancelled");
		}
		Instant now = clock.instant();
		String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().trim();
		if (before.version() != command.version() || !days.cancel(id, command.version(), reason, now)) {
			throw DomainException.staleVersion();
		}
		ReceptionDay after = days.find(id, DataScope.CITY).orElseThrow();
		events.publishEvent(new ReceptionDayCancelled(before, after));
		return after;
	}

	/** Days in the person's scope from today on, cancelled ones too, for the staff page. */
	@Transactional(readOnly = true)
	public List<ReceptionDay> inScope(CurrentUser user) {
		VisitRules.check(VisitRules.VisitAction.READ, user);
		return days.inScope(user.scope(), today(), 200);
	}

	/**
	 * The coming days (today on, in Asia/Shanghai; not cancelled) of a unit and every unit above it,
	 * so a community's residents also see their street's and district's leaders' days. Public.
	 */
	@Transactional(readOnly = true)
	public List<PublicReceptionDay> coming(String unitCode) {
		Unit unit = units.findByCode(unitCode.trim(), DataScope.CITY)
			.orElseThrow(() -> new NotFoundException("unit", unitCode));
		List<Unit> lineage = units.lineage(unit, DataScope.CITY);
		Map<String, Unit> byPath = new java.util.HashMap<>();
		lineage.forEach(each -> byPath.put(each.path(), each));
		byPath.put(unit.path(), unit);
		return days.coming(byPath.keySet(), today(), PUBLIC_LIMIT)
			.stream()
			.map(day -> {
				Unit at = byPath.get(day.unitPath());
				return new PublicReceptionDay(day.id(), day.cadreName(), day.cadreTitle(), at.code(), at.nameZh(),
						at.nameEn(), day.address(), day.receptionDate(), day.startsAt(), day.endsAt(), day.topics());
			})
			.toList();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Times.ZONE));
	}

}
