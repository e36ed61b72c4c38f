package org.grassroots.problems.internal;

import java.util.List;

/**
 * Notices to the people of some units, published in the command's transaction and delivered to
 * the inbox after commit through the event publication registry, so none is lost if the app stops.
 *
 * @param key what makes two deliveries of the same notice the same (per unit)
 */
public record NoticeDue(String kind, long problemId, String ledgerNo, String title, List<String> unitPaths, String key) {

}
