package org.grassroots.cases.internal;

import java.util.List;
import java.util.function.Consumer;

import org.grassroots.cases.CaseState;
import org.grassroots.cases.Mechanism;
import org.grassroots.cases.TypicalCase;
import org.grassroots.shared.CampaignFacts;
import org.grassroots.shared.CampaignFigures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What cases and mechanisms count for the leadership view: a case counts CASES_PUBLISHED once at
 * the writing unit in the month it was published, only while published; a mechanism counts
 * MECHANISMS once at the adopting unit in the month it was adopted. The same figures go out with
 * every change and come back whole for the dashboard's rebuild.
 */
@Component
public class CaseFigures implements CampaignFacts {

	public static final String CASES_PUBLISHED = "CASES_PUBLISHED";

	public static final String MECHANISMS = "MECHANISMS";

	private final CaseRepository cases;

	private final MechanismRepository mechanisms;

	CaseFigures(CaseRepository cases, MechanismRepository mechanisms) {
		this.cases = cases;
		this.mechanisms = mechanisms;
	}

	public static CampaignFigures of(TypicalCase typical) {
		List<CampaignFigures.Count> counts = typical.state() == CaseState.PUBLISHED && typical.publishedAt() != null
				? List.of(new CampaignFigures.Count(typical.unitPath(), CampaignFigures.monthKey(typical.publishedAt()),
						CASES_PUBLISHED, 1))
				: List.of();
		return new CampaignFigures("CASE:" + typical.id(), typical.version(), counts);
	}

	public static CampaignFigures of(Mechanism mechanism) {
		return new CampaignFigures("MECHANISM:" + mechanism.id(), mechanism.version(), List.of(new CampaignFigures.Count(
				mechanism.unitPath(), CampaignFigures.monthKey(mechanism.adoptedOn()), MECHANISMS, 1)));
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(Consumer<CampaignFigures> sink) {
		cases.forEach(typical -> sink.accept(of(typical)));
		mechanisms.forEach(mechanism -> sink.accept(of(mechanism)));
	}

}
