package org.grassroots.visits.web;

import java.util.List;

import org.grassroots.visits.PublicReceptionDay;
import org.grassroots.visits.ReceptionDays;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/public/reception-days")
@Tag(name = "Public reception days", description = "The coming petition-reception days for residents, without an account")
class PublicReceptionDayApiController {

	private final ReceptionDays receptionDays;

	PublicReceptionDayApiController(ReceptionDays receptionDays) {
		this.receptionDays = receptionDays;
	}

	@GetMapping
	@Operation(summary = "The coming reception days (today on, Asia/Shanghai; not cancelled) of a unit and of every unit "
			+ "above it, soonest first (404 for an unknown unit)")
	List<PublicReceptionDay> coming(@Parameter(description = "a unit code, e.g. a community's") @RequestParam String unit) {
		return receptionDays.coming(unit);
	}

}
