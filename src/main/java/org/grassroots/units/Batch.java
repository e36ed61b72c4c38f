package org.grassroots.units;

/** First batch: city and district organs and departments; second: streets, communities and the like. */
public enum Batch {

	FIRST, SECOND

}
