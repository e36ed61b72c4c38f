package org.grassroots.dashboard;

import java.time.Clock;

import org.grassroots.dashboard.internal.Rebuild;
import org.grassroots.dashboard.internal.WeightsRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The city administrator's commands on the dashboard: the ranking weights and the rebuild of the figures. */
@Service
public class DashboardAdministration {

	private static final Logger log = LoggerFactory.getLogger(DashboardAdministration.class);

	private final WeightsRepository weights;

	private final Rebuild rebuild;

	private final ApplicationEventPublisher events;

	private final InputCheck input;

	private final Clock clock;

	DashboardAdministration(WeightsRepository weights, Rebuild rebuild, ApplicationEventPublisher events,
			InputCheck input, Clock clock) {
		this.weights = weights;
		this.rebuild = rebuild;
		this.events = events;
		this.input = input;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Weights weights() {
		return weights.get();
	}

	/** Changes the weights (city administrator only, with the version seen); at least one must be above zero. */
	@Transactional
	public Weights changeWeights(Weights.Change change, CurrentUser user) {
		cityAdmin(user);
		input.check(change);
		if (change.response() + change.resolution() + change.satisfaction() == 0) {
			throw DomainException.invalid("dashboard.error.weights-zero");
		}
		Weights before = weights.get();
		if (!weights.update(change, user.getUsername(), clock.instant())) {
			throw DomainException.staleVersion();
		}
		Weights after = weights.get();
		events.publishEvent(new WeightsChanged(before, after, user.unitPath()));
		return after;
	}

	/** Counts every figure again from scratch (city administrator only), audited with what it wrote. */
	@Transactional
	public FiguresRebuilt rebuild(CurrentUser user) {
		cityAdmin(user);
		long start = System.nanoTime();
		Rebuild.Result result = rebuild.run();
		FiguresRebuilt done = new FiguresRebuilt(result.problems(), result.counters(),
				(System.nanoTime() - start) / 1_000_000, user.unitPath());
		log.info("Dashboard rebuilt by {}: {} problems, {} counter rows, {} ms", user.getUsername(), done.problems(),
				done.counters(), done.millis());
		events.publishEvent(done);
		return done;
	}

	private static void cityAdmin(CurrentUser user) {
		if (!user.has(Role.CITY_ADMIN)) {
			throw DomainException.forbidden("error.403.text");
		}
	}

}
