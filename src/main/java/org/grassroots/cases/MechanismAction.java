package org.grassroots.cases;

/** Every change of a mechanism, each an audit record {@code MECHANISM_<action>}. */
public enum MechanismAction {

	ADOPT, EDIT, ATTACH

}
