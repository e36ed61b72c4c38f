package org.grassroots.cases.internal;

import java.util.Optional;

import org.grassroots.cases.MeasureSource;
import org.grassroots.plans.MeasureManagement;
import org.grassroots.plans.WorkMeasure;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Work measures as sources of typical cases, read through the plans module's scoped read. */
@Component
class PlanMeasures implements MeasureSource {

	private final MeasureManagement measures;

	PlanMeasures(MeasureManagement measures) {
		this.measures = measures;
	}

	@Override
	public Optional<Measure> find(long measureId, CurrentUser user) {
		try {
			WorkMeasure measure = measures.measure(measureId, user);
			return Optional.of(new Measure(measure.id(), measure.title(), measure.ownerUnitPath(), measure.status().isDone(),
					measure.categoryCode()));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

}
