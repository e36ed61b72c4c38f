package org.grassroots.lifeevents;

import java.util.Map;

/**
 * What the apply page needs: the event, the values already known about the person (not asked again)
 * and the documents they gave before (reused unless replaced).
 *
 * @param known clear values by field key, from the account and earlier applications
 * @param givenDocuments file names by document code
 * @param inCommunity the person's own unit is a community, the default of the application's
 */
public record ApplicationForm(LifeEvent event, Map<String, String> known, Map<String, String> givenDocuments,
		long communityId, String communityName, boolean inCommunity) {

}
