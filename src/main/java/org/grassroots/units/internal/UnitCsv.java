package org.grassroots.units.internal;

import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
final class UnitCsv {

	private UnitCsv() {
	}

	/** A record and the line of the file it starts on. */
	record Row(int line, List<String> fields) {

	}

	static List<Row> parse(String text) {
		List<Row> rows = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int rowStart = 1;
		String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				field.setLength(0);
				addUnlessBlank(rows, rowStart, fields);
				fields = new ArrayList<>();
				line++;
				rowStart = line;
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		addUnlessBlank(rows, rowStart, fields);
		return rows;
	}

	private static void addUnlessBlank(List<Row> rows, int line, List<String> fields) {
		if (fields.stream().anyMatch(value -> !value.isBlank())) {
			rows.add(new Row(line, List.copyOf(fields)));
		}
	}

}
