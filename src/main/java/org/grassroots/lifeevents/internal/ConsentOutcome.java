package org.grassroots.lifeevents.internal;

import java.util.Map;

import org.grassroots.lifeevents.Application;
import org.grassroots.lifeevents.ApplicationAction;
import org.grassroots.lifeevents.ApplicationState;
import org.grassroots.lifeevents.OwnersConsentConfirmed;
import org.grassroots.lifeevents.OwnersConsentRefused;
import org.grassroots.lifeevents.RejectCategory;
import org.grassroots.shared.DomainException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears the owners' consent, in the transaction that decided it: confirmed starts the tasks after
 * consent whose predecessors are done; refused returns the application with the reason.
 */
@Component
class ConsentOutcome {

	private final ApplicationRepository applications;

	private final TaskFlow flow;

	ConsentOutcome(ApplicationRepository applications, TaskFlow flow) {
		this.applications = applications;
		this.flow = flow;
	}

	@EventListener
	void on(OwnersConsentConfirmed confirmed) {
		Application application = waiting(confirmed.applicationId());
		Application changed = flow.change(application, ApplicationAction.CONSENT_CONFIRMED, Map.of("consent", "CONFIRMED"));
		flow.release(changed);
	}

	@EventListener
	void on(OwnersConsentRefused refused) {
		Application application = waiting(refused.applicationId());
		Application changed = flow.change(application, null, Map.of("consent", "REFUSED"));
		flow.returnApplication(changed, RejectCategory.CONSENT_REFUSED, refused.reasonZh() + " / " + refused.reasonEn(), null);
	}

	private Application waiting(long id) {
		Application application = applications.find(id).orElseThrow(() -> DomainException.invalid("le.error.consent-unknown", id));
		if (application.state() != ApplicationState.OPEN || !"PENDING".equals(application.consent())) {
			throw DomainException.conflict("le.error.consent-decided", application.reference());
		}
		return application;
	}

}
