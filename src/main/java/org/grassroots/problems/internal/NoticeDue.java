package org.grassroots.problems.internal;

import java.util.List;

/**
 * Notices to the people of some units, as they were published through the event registry before
 * issue 19; kept so that publications still stored then are delivered (see {@link Inbox}).
 *
 * @param key what makes two deliveries of the same notice the same (per unit)
 */
public record NoticeDue(String kind, long problemId, String ledgerNo, String title, List<String> unitPaths, String key) {

}
