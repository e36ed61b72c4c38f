package org.grassroots.lifeevents.internal;

import java.util.Locale;
import java.util.Optional;

import org.grassroots.shared.LifeEventNames;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The catalogue's names of its events, for the dashboard's one-thing figures: the current
 * version's name, withdrawn events included, since their figures stay.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogueNames implements LifeEventNames {

	private final CatalogueRepository catalogue;

	CatalogueNames(CatalogueRepository catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	public Optional<String> name(String eventCode, Locale locale) {
		return catalogue.find(eventCode)
			.map(event -> "en".equals(locale.getLanguage()) ? event.definition().nameEn()
					: event.definition().nameZh());
	}

}
