package org.grassroots.lifeevents;

/** An owner's vote; ABSTAIN takes part in the vote without agreeing. */
public enum Vote {

	AGREE, DISAGREE, ABSTAIN

}
