package org.grassroots.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The one place that names an input field for people: its label from the message bundles
 * ({@code field.<name>}), never the field's name in the code. A nested path such as
 * {@code milestones[0].title} looks for {@code field.milestones.title} first, then
 * {@code field.title}. Refusals carry labels as message arguments, so the pages, the API's
 * problem details and imports all word them alike in the reader's language.
 */
public final class FieldLabels {

	private FieldLabels() {
	}

	/** The field's label as a message argument, resolved in the language of whoever reads it. */
	public static MessageSourceResolvable label(String path) {
		String plain = path.replaceAll("\\[[^]]*]", "");
		List<String> codes = new ArrayList<>();
		codes.add("field." + plain);
		int dot = plain.lastIndexOf('.');
		if (dot >= 0) {
			codes.add("field." + plain.substring(dot + 1));
		}
		// a field without a label still reads as words rather than as camel case
		return new DefaultMessageSourceResolvable(codes.toArray(String[]::new), words(plain.substring(dot + 1)));
	}

	/** The label in a language, for code that builds its text itself. */
	public static String label(String path, MessageSource messages, Locale locale) {
		return messages.getMessage(label(path), locale);
	}

	/** One field's problem for people: its label and what is wrong, e.g. "标题：不能为空". */
	public static MessageSourceResolvable problem(String path, String message) {
		return new DefaultMessageSourceResolvable(new String[] { "error.field" }, new Object[] { label(path), message },
				path + ": " + message);
	}

	/** Several fields' problems as one message argument, joined in the reader's language. */
	public static MessageSourceResolvable problems(List<MessageSourceResolvable> each) {
		if (each.size() == 1) {
			return each.get(0);
		}
		return new DefaultMessageSourceResolvable(new String[] { "error.fields" },
				new Object[] { each.get(0), problems(each.subList(1, each.size())) }, null);
	}

	private static String words(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
	}

}
