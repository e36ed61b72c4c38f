package org.grassroots.privacy.web;

import org.grassroots.privacy.PersonalDataRequests;
import org.grassroots.privacy.PersonalDataRequests.Subject;
import org.grassroots.shared.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Personal data", description = "A person's requests about the personal data held on them (PIPL): "
		+ "the system administrator, within their reach")
class PersonalDataApiController {

	private final PersonalDataRequests requests;

	PersonalDataApiController(PersonalDataRequests requests) {
		this.requests = requests;
	}

	@PostMapping("/api/v1/personal-data/exports")
	@Operation(summary = "Everything held on a person, found by their phone or ID card number, in full, to hand over",
			description = "Body: `phone` and/or `idCard` (GB 11643, check character validated) and `reason` (required, "
					+ "up to 500 characters). Accounts, reports, one-thing applications, kept values and consent polls "
					+ "within the caller's reach. Audited as PERSONAL_DATA_EXPORTED with the reason and the numbers masked. "
					+ "400 privacy.error.* for a missing reason, no number, or a number that is not one.")
	PersonalDataRequests.Export export(@AuthenticationPrincipal CurrentUser user, @RequestBody Subject subject) {
		return requests.export(user, subject);
	}

	@PostMapping("/api/v1/personal-data/erasures")
	@Operation(summary = "Erase what is held on a person where no retention duty applies",
			description = "Same body. Erases account and report phones, kept values (city-wide only) and owners' phones "
					+ "of closed consent polls; keeps one-thing applications (administrative records) and owners of "
					+ "running polls, and says how many of each. One transaction; audited as PERSONAL_DATA_ERASED, and "
					+ "the audit log is kept.")
	PersonalDataRequests.Erased erase(@AuthenticationPrincipal CurrentUser user, @RequestBody Subject subject) {
		return requests.erase(user, subject);
	}

}
