package org.grassroots.plans;

import java.time.Clock;

import org.grassroots.plans.internal.MeasureChanges;
import org.grassroots.plans.internal.MeasureRepository;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Problems linked to a measure: whoever works the measure links a problem of their own scope by
 * its ledger number, or unlinks it. The problem is read through problems' public API only.
 */
@Service
public class MeasureProblems {

	private final MeasureManagement management;

	private final MeasureRepository measures;

	private final MeasureChanges changes;

	private final ProblemViews problems;

	private final InputCheck input;

	private final Clock clock;

	MeasureProblems(MeasureManagement management, MeasureRepository measures, MeasureChanges changes,
			ProblemViews problems, InputCheck input, Clock clock) {
		this.management = management;
		this.measures = measures;
		this.changes = changes;
		this.problems = problems;
		this.input = input;
		this.clock = clock;
	}

	/** Links a problem the person may see; one outside their scope is "no such problem" (400), as an unknown one. */
	@Transactional
	public WorkMeasure link(long measureId, PlanCommands.LinkProblem command, CurrentUser user) {
		input.check(command);
		WorkMeasure measure = management.worked(measureId, command.version(), user);
		String ledgerNo = command.ledgerNo().trim();
		Problem problem = problems.byLedgerNo(ledgerNo, user)
			.orElseThrow(() -> DomainException.invalid("plans.error.problem-unknown", ledgerNo));
		if (!measures.link(measureId, problem.id(), problem.ledgerNo(), problem.title(), problem.state(),
				user.getUsername(), clock.instant())) {
			throw DomainException.conflict("plans.error.problem-linked", problem.ledgerNo());
		}
		return changes.touched(measure, "MEASURE_PROBLEM_LINKED", problem.ledgerNo());
	}

	/** Unlinks a problem; progress its closing brought stays (docs/plans.md, "Linked problems"). */
	@Transactional
	public WorkMeasure unlink(long measureId, long problemId, int version, CurrentUser user) {
		WorkMeasure measure = management.worked(measureId, version, user);
		LinkedProblem linked = measures.linked(measureId, problemId)
			.orElseThrow(() -> new NotFoundException("linked problem", problemId));
		measures.unlink(measureId, problemId);
		return changes.touched(measure, "MEASURE_PROBLEM_UNLINKED", linked.ledgerNo());
	}

}
