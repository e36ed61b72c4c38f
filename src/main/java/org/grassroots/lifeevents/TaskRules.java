package org.grassroots.lifeevents;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which state each action on a department task starts from and leads to; docs/lifeevents.md shows
 * the same table and TaskRulesTests holds them together. Any other start is a 409 with the state.
 */
public final class TaskRules {

	/** The actions, as the docs name them. */
	public enum Step {

		ACCEPT, COMPLETE, REJECT, REQUEST_MATERIAL, ANSWER_MATERIAL

	}

	static final Map<Step, Set<TaskState>> FROM = Map.of(Step.ACCEPT, EnumSet.of(TaskState.PENDING), Step.COMPLETE,
			EnumSet.of(TaskState.PENDING, TaskState.ACCEPTED), Step.REJECT, EnumSet.of(TaskState.PENDING, TaskState.ACCEPTED),
			Step.REQUEST_MATERIAL, EnumSet.of(TaskState.PENDING, TaskState.ACCEPTED), Step.ANSWER_MATERIAL,
			EnumSet.of(TaskState.MATERIAL_REQUESTED));

	static final Map<Step, TaskState> TO = Map.of(Step.ACCEPT, TaskState.ACCEPTED, Step.COMPLETE, TaskState.COMPLETED,
			Step.REJECT, TaskState.REJECTED, Step.REQUEST_MATERIAL, TaskState.MATERIAL_REQUESTED, Step.ANSWER_MATERIAL,
			TaskState.ACCEPTED);

	private TaskRules() {
	}

	public static Set<TaskState> from(Step step) {
		return FROM.get(step);
	}

	public static TaskState to(Step step) {
		return TO.get(step);
	}

}
