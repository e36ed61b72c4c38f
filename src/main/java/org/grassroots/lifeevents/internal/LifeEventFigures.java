package org.grassroots.lifeevents.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.grassroots.lifeevents.Application;
import org.grassroots.lifeevents.ApplicationState;
import org.grassroots.lifeevents.WorkingCalendar;
import org.grassroots.shared.CampaignFacts;
import org.grassroots.shared.CampaignFigures;
import org.grassroots.shared.Times;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an application counts for the leadership view, at its community (docs/dashboard.md):
 * LE_APPLIED in the month filed; LE_DONE, LE_DONE_ON_TIME and LE_DONE_DAYS in the month completed;
 * LE_RETURNED (also by reason) in the month returned; each also per event as {@code MEASURE:EVENT};
 * and now, LE_OPEN and LE_OVERDUE (also per event). The same figures go out with every change and come back whole
 * for the dashboard's rebuild.
 */
@Component
public class LifeEventFigures implements CampaignFacts {

	private final ApplicationRepository applications;

	private final WorkingCalendar workingDays;

	LifeEventFigures(ApplicationRepository applications, WorkingCalendar workingDays) {
		this.applications = applications;
		this.workingDays = workingDays;
	}

	public CampaignFigures of(Application application) {
		List<CampaignFigures.Count> counts = new ArrayList<>();
		String path = application.communityPath();
		String event = application.eventCode();
		both(counts, path, CampaignFigures.monthKey(application.filedAt()), "LE_APPLIED", event, 1);
		if (application.state() == ApplicationState.COMPLETED && application.completedAt() != null) {
			int month = CampaignFigures.monthKey(application.completedAt());
			LocalDate completedOn = LocalDate.ofInstant(application.completedAt(), Times.ZONE);
			both(counts, path, month, "LE_DONE", event, 1);
			if (!completedOn.isAfter(application.deadline())) {
				both(counts, path, month, "LE_DONE_ON_TIME", event, 1);
			}
			both(counts, path, month, "LE_DONE_DAYS", event, workingDays.workingDaysBetween(application.filedOn(), completedOn));
		}
		else if (application.state() == ApplicationState.RETURNED && application.returnedAt() != null) {
			int month = CampaignFigures.monthKey(application.returnedAt());
			both(counts, path, month, "LE_RETURNED", event, 1);
			if (application.returnCategory() != null) {
				counts.add(new CampaignFigures.Count(path, month, "LE_RETURNED:" + application.returnCategory(), 1));
			}
		}
		else {
			both(counts, path, CampaignFigures.NOW, "LE_OPEN", event, 1);
			if (application.overdue()) {
				both(counts, path, CampaignFigures.NOW, "LE_OVERDUE", event, 1);
			}
		}
		return new CampaignFigures("APPLICATION:" + application.id(), application.version(), counts);
	}

	private static void both(List<CampaignFigures.Count> counts, String path, int month, String measure, String event,
			int amount) {
		counts.add(new CampaignFigures.Count(path, month, measure, amount));
		counts.add(new CampaignFigures.Count(path, month, measure + ":" + event, amount));
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(Consumer<CampaignFigures> sink) {
		applications.forEach(application -> sink.accept(of(application)));
	}

}
