package org.grassroots.people.web;

import org.grassroots.people.FieldKeys;
import org.grassroots.shared.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Keys", description = "The algorithms and field keys for personal data: the city's security administrator")
class FieldKeyApiController {

	private final FieldKeys keys;

	FieldKeyApiController(FieldKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/api/v1/security/field-keys")
	@Operation(summary = "The algorithms in use, the field keys by id, and the values still under an earlier one",
			description = "Keys are never shown, only their ids (a hash). `remaining` counts, per table and column, the "
					+ "values written under an earlier algorithm or key; a rotation is complete when every count is 0 "
					+ "(docs/operations.md, Keys). The city's security administrator only; anyone else 403.")
	FieldKeys.Status status(@AuthenticationPrincipal CurrentUser user) {
		return keys.status(user);
	}

	@PostMapping("/api/v1/security/field-keys/rekey")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Start rewriting the values under an earlier algorithm or key now",
			description = "Runs in the background on this node unless a pass runs on some node; passes also run 15 s "
					+ "after each start and every hour. Follow `remaining` on the status. Each pass that rewrote "
					+ "anything leaves a FIELDS_REENCRYPTED audit record.")
	void rekey(@AuthenticationPrincipal CurrentUser user) {
		keys.rekeyNow(user);
	}

}
