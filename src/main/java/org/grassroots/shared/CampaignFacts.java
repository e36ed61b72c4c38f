package org.grassroots.shared;

import java.util.function.Consumer;

/**
 * The current figures of every item a module counts for the leadership view, for the dashboard's
 * rebuild: a module implements it as a bean, and the rebuild asks every such bean.
 */
public interface CampaignFacts {

	/** Every item's current figures, one at a time, in one read of the module's own tables. */
	void forEach(Consumer<CampaignFigures> sink);

}
