package org.grassroots.cases.internal;

import org.grassroots.cases.CaseAction;
import org.grassroots.cases.CaseChanged;
import org.grassroots.cases.Mechanism;
import org.grassroots.cases.MechanismAction;
import org.grassroots.cases.MechanismChanged;
import org.grassroots.cases.TypicalCase;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes what every change of a case or mechanism owes, inside the command's transaction: the
 * audit event and the item's figures for the dashboard, so neither can be forgotten by a command.
 */
@Component
public class CaseJournal {

	private final ApplicationEventPublisher events;

	CaseJournal(ApplicationEventPublisher events) {
		this.events = events;
	}

	public TypicalCase changed(CaseAction action, @Nullable TypicalCase before, TypicalCase after) {
		events.publishEvent(new CaseChanged(action, after.id(), after.unitPath(), before, after));
		events.publishEvent(CaseFigures.of(after));
		return after;
	}

	public Mechanism changed(MechanismAction action, @Nullable Mechanism before, Mechanism after) {
		events.publishEvent(new MechanismChanged(action, after.id(), after.unitPath(), before, after));
		events.publishEvent(CaseFigures.of(after));
		return after;
	}

}
