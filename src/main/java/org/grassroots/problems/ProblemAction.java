package org.grassroots.problems;

/** Every command on a problem; the permission table in docs/problems.md lists who may do which in which state. */
public enum ProblemAction {

	REPORT, ACCEPT, DECLINE, ASSIGN, DELEGATE, SPLIT, ESCALATE, START, NOTE, COMPLETE_MILESTONE, SUBMIT, RECOGNIZE,
	RETURN, CLOSE, SUPERVISE, SUMMON, REPORT_IN, ACT_ON_SUMMONS, ATTACH, EVALUATE, REVIEW, REOPEN, FLAG_OVERDUE, PUBLISH,
	COMMENT

}
