package org.grassroots.lifeevents.internal.consent;

import org.grassroots.lifeevents.ConsentAction;
import org.grassroots.lifeevents.ConsentChanged;
import org.grassroots.lifeevents.Consent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes the audit event every change of a consent owes, inside the command's transaction. */
@Component
public class ConsentJournal {

	/** The actor of an owner's own vote or a public objection, as the audit log names them. */
	public static final String RESIDENT = "resident";

	private final ApplicationEventPublisher events;

	ConsentJournal(ApplicationEventPublisher events) {
		this.events = events;
	}

	public void changed(ConsentAction action, Consent consent, @Nullable Object before, @Nullable Object after) {
		changed(action, consent, before, after, null);
	}

	public void changed(ConsentAction action, Consent consent, @Nullable Object before, @Nullable Object after,
			@Nullable String actor) {
		events.publishEvent(new ConsentChanged(action, consent.id(), consent.unitPath(), before, after, actor));
	}

	/** Another module's event (the outcome le-core listens to), in the same transaction. */
	public void publish(Object event) {
		events.publishEvent(event);
	}

}
