package org.grassroots.cases;

/** Every change of a typical case, each an audit record {@code CASE_<action>}. */
public enum CaseAction {

	WRITE, EDIT, ADD_PHOTO, SUBMIT, APPROVE, RETURN, WITHDRAW, CHANGE_REACH

}
