package org.grassroots.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.grassroots.people.AccountManagement;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.units.ImportError;
import org.grassroots.units.UnitManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Party members opened from a CSV file by an administrator, all lines or none. */
@Service
public class MemberImport {

	private final UnitManagement units;

	private final AccountManagement accounts;

	MemberImport(UnitManagement units, AccountManagement accounts) {
		this.units = units;
		this.accounts = accounts;
	}

	/** A member opened by import, with the one-time password to hand over. */
	public record Imported(String username, String displayName, String unitCode, String oneTimePassword) {

	}

	/**
	 * Opens party-member accounts from CSV lines {@code username,display_name,unit_code[,phone]}:
	 * every line is checked first, and either all are opened or none.
	 */
	@Transactional
	public List<Imported> importMembers(String csv, CurrentUser admin) {
		List<String[]> lines = MemberCsv.check(csv, admin, units, accounts);
		List<Imported> imported = new ArrayList<>();
		for (String[] line : lines) {
			var opened = accounts.openPartyMember(line[0], line[1], line[2],
					line.length > 3 && !line[3].isBlank() ? line[3] : null, admin);
			imported.add(new Imported(line[0], line[1], line[2], String.valueOf(opened.oneTimePassword())));
		}
		return imported;
	}

	/** Refused lines of a member import; nothing was imported. */
	public static class ImportRefused extends DomainException implements org.grassroots.shared.web.RowErrors {

		private final List<ImportError> errors;

		ImportRefused(List<ImportError> errors) {
			super(org.springframework.http.HttpStatus.BAD_REQUEST, "learning.import.refused", errors.size());
			this.errors = List.copyOf(errors);
		}

		public List<ImportError> errors() {
			return errors;
		}

		@Override
		public List<Map<String, Object>> localized(org.springframework.context.MessageSource messages) {
			return errors.stream()
				.map(error -> Map.<String, Object>of("line", error.line(), "message",
						org.grassroots.shared.web.RowErrors.message(messages, error.messageKey(), error.args())))
				.toList();
		}

	}

}
