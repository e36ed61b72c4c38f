package org.grassroots.dashboard;

import org.grassroots.problems.ProblemState;

/** A problem behind a number: its ledger number and where to open it. */
public record ProblemLink(long id, String ledgerNo, String title, ProblemState state, String link) {

}
