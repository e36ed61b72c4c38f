package org.grassroots.cases;

/** What a case is written up from: a closed problem, or a completed work measure of a research plan. */
public enum CaseSource {

	PROBLEM, MEASURE

}
