package org.grassroots.lifeevents.internal.consent;

import java.time.Clock;
import java.util.List;

import org.grassroots.lifeevents.ConsentAction;
import org.grassroots.lifeevents.ConsentRequired;
import org.grassroots.shared.UnitNames;
import org.grassroots.units.UnitLookup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a consent when an elevator application is filed, in the filing transaction: a filing whose
 * consent cannot be opened (an unknown community) fails with it. A second event for the same
 * application changes nothing.
 */
@Component
class ConsentOpener {

	private final ConsentRepository consents;

	private final UnitLookup units;

	private final ConsentJournal journal;

	private final Clock clock;

	private final int noticeDays;

	ConsentOpener(ConsentRepository consents, UnitLookup units, ConsentJournal journal, Clock clock,
			@Value("${grassroots.lifeevents.consent.notice-days:10}") int noticeDays) {
		if (noticeDays < 1) {
			throw new IllegalArgumentException("grassroots.lifeevents.consent.notice-days must be 1 or more");
		}
		this.consents = consents;
		this.units = units;
		this.journal = journal;
		this.clock = clock;
		this.noticeDays = noticeDays;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ConsentRequired required) {
		if (consents.exists(required.applicationId())) {
			return;
		}
		UnitNames.Named community = units.byIds(List.of(required.communityUnitId())).get(required.communityUnitId());
		if (community == null) {
			throw new IllegalArgumentException("no unit " + required.communityUnitId() + " for the consent of application "
					+ required.applicationId());
		}
		long id = consents.insert(required.applicationId(), required.referenceNumber(), community.id(), community.path(),
				required.buildingAddress(), noticeDays, clock.instant());
		var consent = consents.find(id).orElseThrow();
		journal.changed(ConsentAction.OPEN, consent, null, consent);
	}

}
