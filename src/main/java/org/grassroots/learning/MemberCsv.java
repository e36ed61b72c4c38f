package org.grassroots.learning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.grassroots.people.AccountManagement;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.units.ImportError;
import org.grassroots.units.UnitManagement;

/** Checks every line of a member CSV before anything is opened, as the unit import does. */
final class MemberCsv {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	private static final Pattern PHONE = Pattern.compile("1[0-9]{10}");

	/** Members one import may open: a larger file is refused before any line is checked. */
	static final int MAX_MEMBERS = 5000;

	private MemberCsv() {
	}

	/** The good lines as fields, or {@link MemberImport.ImportRefused} listing every bad one. */
	static List<String[]> check(String csv, CurrentUser admin, UnitManagement units, AccountManagement accounts) {
		refuseOversized(csv);
		DataScope scope = admin.administeredScope();
		List<String[]> lines = new ArrayList<>();
		List<ImportError> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		String[] raw = csv.replace("\uFEFF", "").split("\\r?\\n");
		for (int i = 0; i < raw.length; i++) {
			int number = i + 1;
			String text = raw[i].trim();
			if (text.isEmpty() || (i == 0 && text.toLowerCase(java.util.Locale.ROOT).startsWith("username"))) {
				continue;
			}
			String[] fields = text.split(",", -1);
			for (int f = 0; f < fields.length; f++) {
				fields[f] = fields[f].trim();
			}
			if (fields.length < 3 || fields.length > 4) {
				errors.add(new ImportError(number, "learning.import.fields"));
				continue;
			}
			int before = errors.size();
			if (!USERNAME.matcher(fields[0]).matches()) {
				errors.add(new ImportError(number, "learning.import.username", fields[0]));
			}
			else if (!seen.add(fields[0])) {
				errors.add(new ImportError(number, "learning.import.duplicate", fields[0]));
			}
			else if (accounts.usernameExists(fields[0])) {
				errors.add(new ImportError(number, "learning.import.exists", fields[0]));
			}
			if (fields[1].isEmpty() || fields[1].length() > 100) {
				errors.add(new ImportError(number, "learning.import.name"));
			}
			try {
				units.getByCode(fields[2], scope);
			}
			catch (NotFoundException ex) {
				errors.add(new ImportError(number, "learning.import.unit", fields[2]));
			}
			if (fields.length == 4 && !fields[3].isEmpty() && !PHONE.matcher(fields[3]).matches()) {
				errors.add(new ImportError(number, "learning.import.phone", fields[3]));
			}
			if (errors.size() == before) {
				lines.add(fields);
			}
		}
		if (!errors.isEmpty()) {
			throw new MemberImport.ImportRefused(errors);
		}
		if (lines.isEmpty()) {
			throw new MemberImport.ImportRefused(List.of(new ImportError(1, "learning.import.empty")));
		}
		return lines;
	}

	/** Counting line breaks costs nothing beside checking each line against the database (a few ms each). */
	private static void refuseOversized(String csv) {
		long breaks = csv.chars().filter(c -> c == '\n').count();
		long lines = csv.endsWith("\n") ? breaks : breaks + 1;
		// one line more for the header a file may start with
		if (lines > MAX_MEMBERS + 1) {
			throw DomainException.invalid("learning.import.too-many", MAX_MEMBERS, lines);
		}
	}

}
