package org.grassroots.lifeevents;

/** What can be done to an owners' consent; each is one audit kind, {@code CONSENT_} and its name. */
public enum ConsentAction {

	OPEN, ADD_OWNER, EDIT_OWNER, REMOVE_OWNER, OPEN_VOTE, REISSUE_LINK, VOTE, RECORD_VOTE, CLOSE, OBJECT,
	RECORD_OBJECTION, CONFIRM, REFUSE

}
