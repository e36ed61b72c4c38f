package org.grassroots.lifeevents;

import java.util.List;

/**
 * A life event as the catalogue editor shows it: the event with its current definition, the
 * version being looked at (the current one unless an older one was asked for) and every published
 * version, newest first.
 */
public record CatalogueDetail(LifeEvent event, CatalogueVersion shown, List<CatalogueVersion> versions) {

	public boolean current() {
		return shown.version() == event.currentVersion();
	}

}
