package org.grassroots.visits.internal;

import java.util.function.Consumer;

import org.grassroots.shared.CampaignFacts;
import org.grassroots.shared.CampaignFigures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every visit's current figures in one read of the visit table, for the dashboard's rebuild. */
@Component
class VisitFacts implements CampaignFacts {

	private final VisitRepository visits;

	VisitFacts(VisitRepository visits) {
		this.visits = visits;
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(Consumer<CampaignFigures> sink) {
		visits.streamAll(visit -> sink.accept(VisitFigures.of(visit)));
	}

}
