package org.grassroots.lifeevents.web.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.grassroots.lifeevents.CatalogueEdit;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Reads the editor's form: {@code task.<code>.nameZh|nameEn|limit}, {@code field.<key>.labelZh|labelEn|required},
 * {@code doc.<code>.nameZh|nameEn|remove} and {@code newDoc.nameZh|nameEn} beside the event's own
 * inputs. A number that is not one is passed on as none, which the editor refuses by name.
 */
final class EditorForm {

	private EditorForm() {
	}

	static CatalogueEdit read(MultiValueMap<String, String> form) {
		List<CatalogueEdit.TaskEdit> tasks = new ArrayList<>();
		for (String code : codes(form, "task.")) {
			tasks.add(new CatalogueEdit.TaskEdit(code, text(form, "task." + code + ".nameZh"),
					text(form, "task." + code + ".nameEn"), number(form, "task." + code + ".limit")));
		}
		List<CatalogueEdit.FieldEdit> fields = new ArrayList<>();
		for (String key : codes(form, "field.")) {
			fields.add(new CatalogueEdit.FieldEdit(key, text(form, "field." + key + ".labelZh"),
					text(form, "field." + key + ".labelEn"), form.containsKey("field." + key + ".required")));
		}
		List<CatalogueEdit.DocumentEdit> documents = new ArrayList<>();
		for (String code : codes(form, "doc.")) {
			documents.add(new CatalogueEdit.DocumentEdit(code, text(form, "doc." + code + ".nameZh"),
					text(form, "doc." + code + ".nameEn"), form.containsKey("doc." + code + ".remove")));
		}
		documents.add(new CatalogueEdit.DocumentEdit(null, text(form, "newDoc.nameZh"), text(form, "newDoc.nameEn"), false));
		Integer version = number(form, "version");
		return new CatalogueEdit(version == null ? -1 : version, text(form, "nameZh"), text(form, "nameEn"),
				text(form, "summaryZh"), text(form, "summaryEn"), number(form, "timeLimitDays"), tasks, fields, documents);
	}

	/** The codes named by inputs {@code <prefix><code>.<part>}, in form order; a code may itself hold dots. */
	private static Set<String> codes(MultiValueMap<String, String> form, String prefix) {
		Set<String> codes = new LinkedHashSet<>();
		for (String name : form.keySet()) {
			if (name.startsWith(prefix) && name.lastIndexOf('.') > prefix.length()) {
				codes.add(name.substring(prefix.length(), name.lastIndexOf('.')));
			}
		}
		return codes;
	}

	private static String text(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		return value == null ? "" : value;
	}

	private static @Nullable Integer number(MultiValueMap<String, String> form, String name) {
		String value = form.getFirst(name);
		try {
			return value == null ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
