package org.grassroots.lifeevents;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one version of a life event asks and fans out to; stored as JSON in the catalogue.
 *
 * @param timeLimitDays the promised time limit of the whole application, in working days
 * @param consent the owners' consent (Civil Code art. 278) is needed before the afterConsent tasks
 */
public record EventDefinition(String nameZh, String nameEn, String summaryZh, String summaryEn, int timeLimitDays,
		@Nullable List<FormField> fields, @Nullable List<RequiredDocument> documents, @Nullable List<TaskDefinition> tasks,
		boolean consent) {

	public EventDefinition {
		fields = fields == null ? List.of() : List.copyOf(fields);
		documents = documents == null ? List.of() : List.copyOf(documents);
		tasks = tasks == null ? List.of() : List.copyOf(tasks);
	}

	public String name(String language) {
		return "en".equals(language) ? nameEn : nameZh;
	}

	public String summary(String language) {
		return "en".equals(language) ? summaryEn : summaryZh;
	}

	/** The distinct departments the tasks go to, in task order. */
	public List<DepartmentKind> departments() {
		return tasks.stream().map(TaskDefinition::department).distinct().toList();
	}

}
