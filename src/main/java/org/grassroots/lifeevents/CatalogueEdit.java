package org.grassroots.lifeevents;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The city administrator's edit of a life event's current definition in the catalogue editor:
 * names, summaries and time limits, each task's name and time limit, each form field's label and
 * whether it is required, and the documents (renamed, removed, or new ones without a code yet).
 * Tasks and fields are named by their codes and keys, which the edit does not change; what the
 * edit leaves out stays as it is.
 *
 * @param version the event's row version the administrator saw
 */
public record CatalogueEdit(int version, String nameZh, String nameEn, String summaryZh, String summaryEn,
		@Nullable Integer timeLimitDays, List<TaskEdit> tasks, List<FieldEdit> fields, List<DocumentEdit> documents) {

	public CatalogueEdit {
		tasks = List.copyOf(tasks);
		fields = List.copyOf(fields);
		documents = List.copyOf(documents);
	}

	/** A task's new names and time limit in working days. */
	public record TaskEdit(String code, String nameZh, String nameEn, @Nullable Integer timeLimitDays) {

	}

	/** A form field's new labels and whether it is required. */
	public record FieldEdit(String key, String labelZh, String labelEn, boolean required) {

	}

	/**
	 * A document: an existing one by its code (renamed, or removed), or a new one with no code, which
	 * gets one; a new one with both names blank is no document.
	 */
	public record DocumentEdit(@Nullable String code, String nameZh, String nameEn, boolean remove) {

	}

}
