package org.grassroots.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.grassroots.cases.internal.CaseJournal;
import org.grassroots.cases.internal.CaseRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.PlainText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The upper unit's decisions on a submitted case: approve it (publishing it to the writing unit's
 * subtree, or city-wide when the city office approves), return it with a reason, or change the
 * reach of a published case (the city office only, since every change involves the city).
 */
@Service
public class CaseApproval {

	private final CaseRepository cases;

	private final InputCheck input;

	private final CaseJournal journal;

	private final Clock clock;

	CaseApproval(CaseRepository cases, InputCheck input, CaseJournal journal, Clock clock) {
		this.cases = cases;
		this.input = input;
		this.journal = journal;
		this.clock = clock;
	}

	@Transactional
	public TypicalCase approve(long id, CaseCommands.Approve command, CurrentUser user) {
		TypicalCase before = visible(id, user);
		CaseRules.check(CaseAction.APPROVE, before.state(), CaseRules.parties(before, user));
		CaseReach reach = command.reach() == null ? before.reach() : command.reach();
		CaseRules.checkReach(reach, user);
		Instant now = clock.instant();
		Map<String, @Nullable Object> changes = new HashMap<>();
		changes.put("state", CaseState.PUBLISHED);
		changes.put("reach", reach);
		changes.put("decided_by", user.getUsername());
		changes.put("decided_at", now);
		changes.put("published_at", now);
		if (!cases.move(id, command.version(), changes, now)) {
			throw DomainException.staleVersion();
		}
		return journal.changed(CaseAction.APPROVE, before, cases.find(id).orElseThrow());
	}

	@Transactional
	public TypicalCase returnCase(long id, CaseCommands.Return command, CurrentUser user) {
		input.check(command);
		TypicalCase before = visible(id, user);
		CaseRules.check(CaseAction.RETURN, before.state(), CaseRules.parties(before, user));
		String reason = PlainText.lines(command.reason());
		if (reason == null) {
			throw DomainException.invalid("cases.error.reason");
		}
		Instant now = clock.instant();
		Map<String, @Nullable Object> changes = new HashMap<>();
		changes.put("state", CaseState.RETURNED);
		changes.put("return_reason", reason);
		changes.put("decided_by", user.getUsername());
		changes.put("decided_at", now);
		if (!cases.move(id, command.version(), changes, now)) {
			throw DomainException.staleVersion();
		}
		return journal.changed(CaseAction.RETURN, before, cases.find(id).orElseThrow());
	}

	@Transactional
	public TypicalCase changeReach(long id, CaseCommands.ChangeReach command, CurrentUser user) {
		input.check(command);
		TypicalCase before = visible(id, user);
		CaseRules.check(CaseAction.CHANGE_REACH, before.state(), CaseRules.parties(before, user));
		CaseRules.checkReach(CaseReach.CITY, user);
		if (!cases.move(id, command.version(), Map.of("reach", command.reach()), clock.instant())) {
			throw DomainException.staleVersion();
		}
		return journal.changed(CaseAction.CHANGE_REACH, before, cases.find(id).orElseThrow());
	}

	private TypicalCase visible(long id, CurrentUser user) {
		return cases.find(id, user).orElseThrow(() -> new NotFoundException("typical case", id));
	}

}
