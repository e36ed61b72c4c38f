package org.grassroots.dashboard;

import java.util.List;

/**
 * The problems behind one number, from the problems module's scoped search (20 a page).
 *
 * @param exact whether the search's filters select exactly the problems counted; where they do not
 *     (closure month, response time), the list is the nearest the search can give, as described in
 *     docs/dashboard.md
 */
public record BehindNumber(Measure measure, boolean exact, String total, int page, int pages, List<ProblemLink> items) {

}
