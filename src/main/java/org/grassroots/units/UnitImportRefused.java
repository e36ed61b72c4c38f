package org.grassroots.units;

import java.util.List;
import java.util.Map;

import org.grassroots.shared.DomainException;
import org.grassroots.shared.web.RowErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/** A unit import with at least one bad line: nothing was imported; every error is listed. */
public class UnitImportRefused extends DomainException implements RowErrors {

	private final List<ImportError> errors;

	public UnitImportRefused(List<ImportError> errors) {
		super(HttpStatus.BAD_REQUEST, "units.import.refused", errors.size());
		this.errors = List.copyOf(errors);
	}

	public List<ImportError> errors() {
		return errors;
	}

	@Override
	public List<Map<String, Object>> localized(MessageSource messages) {
		return errors.stream()
			.map(error -> Map.<String, Object>of("line", error.line(), "message",
					RowErrors.message(messages, error.messageKey(), error.args())))
			.toList();
	}

}
