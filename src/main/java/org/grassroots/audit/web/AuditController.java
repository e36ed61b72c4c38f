package org.grassroots.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.grassroots.audit.AuditEntry;
import org.grassroots.audit.AuditLog;
import org.grassroots.audit.AuditQuery;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page: entries within the viewer's scope, filtered by user, unit, kind and day. */
@Controller
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/audit")
	String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model, @AuthenticationPrincipal CurrentUser user) {
		List<AuditEntry> entries = audit.search(new AuditQuery(actor, unit, kind, startOf(from), startOf(to == null ? null : to.plusDays(1)), page), user);
		model.addAttribute("entries", entries);
		model.addAttribute("page", page);
		model.addAttribute("hasNext", entries.size() == 50);
		return "audit/list";
	}

	/** Days are the city's days, Asia/Shanghai. */
	static @Nullable Instant startOf(@Nullable LocalDate day) {
		return day == null ? null : day.atStartOfDay(Times.ZONE).toInstant();
	}

}
