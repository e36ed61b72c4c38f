package org.grassroots.lifeevents;

import java.time.Clock;
import java.util.List;

import org.grassroots.lifeevents.internal.CatalogueRepository;
import org.grassroots.lifeevents.internal.CatalogueRules;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of life events as versioned data: anyone signed in reads it; the city administrator
 * publishes a new version (the old ones stay, and applications keep the version they were filed under)
 * or switches an event on or off.
 */
@Service
public class LifeEventCatalogue {

	private final CatalogueRepository catalogue;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LifeEventCatalogue(CatalogueRepository catalogue, ApplicationEventPublisher events, Clock clock) {
		this.catalogue = catalogue;
		this.events = events;
		this.clock = clock;
	}

	/** The events on offer (or all of them), by code, each with its current definition. */
	@Transactional(readOnly = true)
	public List<LifeEvent> list(boolean withInactive) {
		return catalogue.list(withInactive);
	}

	/** An event with its current definition; 404 if there is none. */
	@Transactional(readOnly = true)
	public LifeEvent get(String code) {
		return catalogue.find(code).orElseThrow(() -> new NotFoundException("life event", code));
	}

	/** One published version of an event's definition. */
	@Transactional(readOnly = true)
	public CatalogueVersion version(String code, int version) {
		return catalogue.version(code, version).orElseThrow(() -> new NotFoundException("life event version", code + "/" + version));
	}

	/** Every published version of an event, newest first. */
	@Transactional(readOnly = true)
	public List<CatalogueVersion> versions(String code) {
		get(code);
		return catalogue.versions(code);
	}

	/**
	 * Publishes the next version of an event (the first for a new code). Refused with 400 for a
	 * definition that breaks {@link CatalogueRules}, 409 when the event changed since the given version.
	 */
	@Transactional
	public LifeEvent publish(String code, CatalogueCommands.Publish command, CurrentUser user) {
		requireCityAdmin(user);
		CatalogueRules.checkCode(code);
		CatalogueRules.check(command.definition());
		int next = catalogue.find(code).map(current -> {
			if (current.version() != command.version()) {
				throw DomainException.staleVersion();
			}
			return current.currentVersion() + 1;
		}).orElseGet(() -> {
			if (command.version() != 0) {
				throw DomainException.staleVersion();
			}
			catalogue.insertEvent(code);
			return 1;
		});
		catalogue.insertVersion(code, next, command.definition(), user.getUsername(), clock.instant());
		if (!catalogue.advance(code, command.version(), next)) {
			throw DomainException.staleVersion();
		}
		events.publishEvent(new CatalogueChanged(CatalogueAction.PUBLISHED, code, next));
		return get(code);
	}

	/** Offers an event to residents or withdraws it. */
	@Transactional
	public LifeEvent setActive(String code, CatalogueCommands.SetActive command, CurrentUser user) {
		requireCityAdmin(user);
		LifeEvent event = get(code);
		if (!catalogue.setActive(code, command.version(), command.active())) {
			throw DomainException.staleVersion();
		}
		events.publishEvent(new CatalogueChanged(command.active() ? CatalogueAction.ACTIVATED : CatalogueAction.DEACTIVATED,
				code, event.currentVersion()));
		return get(code);
	}

	/** Loads a version 1 from the shipped seed when the event is absent; no audit: nobody acted. */
	@Transactional
	public boolean seed(String code, EventDefinition definition) {
		if (catalogue.find(code).isPresent()) {
			return false;
		}
		CatalogueRules.checkCode(code);
		CatalogueRules.check(definition);
		catalogue.insertEvent(code);
		catalogue.insertVersion(code, 1, definition, "system", clock.instant());
		catalogue.advance(code, 0, 1);
		return true;
	}

	private static void requireCityAdmin(CurrentUser user) {
		if (!user.has(Role.CITY_ADMIN)) {
			throw DomainException.forbidden("le.error.catalogue-admin");
		}
	}

}
