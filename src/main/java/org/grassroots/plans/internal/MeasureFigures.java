package org.grassroots.plans.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.grassroots.plans.MeasureStatus;
import org.grassroots.plans.WorkMeasure;
import org.grassroots.shared.CampaignFacts;
import org.grassroots.shared.CampaignFigures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a work measure counts on the leadership view (docs/plans.md, "Figures"), at its owner
 * unit: due, done and done on time in the deadline's month; open and overdue now.
 */
@Component
public class MeasureFigures implements CampaignFacts {

	private final MeasureRepository measures;

	MeasureFigures(MeasureRepository measures) {
		this.measures = measures;
	}

	public static CampaignFigures of(WorkMeasure measure) {
		String path = measure.ownerUnitPath();
		int due = CampaignFigures.monthKey(measure.deadline());
		List<CampaignFigures.Count> counts = new ArrayList<>();
		counts.add(new CampaignFigures.Count(path, due, "MEASURES_DUE", 1));
		if (measure.status().isDone()) {
			counts.add(new CampaignFigures.Count(path, due, "MEASURES_DONE", 1));
			if (measure.doneOn() != null && !measure.doneOn().isAfter(measure.deadline())) {
				counts.add(new CampaignFigures.Count(path, due, "MEASURES_DONE_ON_TIME", 1));
			}
		}
		else {
			counts.add(new CampaignFigures.Count(path, CampaignFigures.NOW, "MEASURES_OPEN", 1));
			if (measure.status() == MeasureStatus.OVERDUE) {
				counts.add(new CampaignFigures.Count(path, CampaignFigures.NOW, "MEASURES_OVERDUE", 1));
			}
		}
		return new CampaignFigures("MEASURE:" + measure.id(), measure.version(), counts);
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(Consumer<CampaignFigures> sink) {
		measures.forEach(measure -> sink.accept(of(measure)));
	}

}
