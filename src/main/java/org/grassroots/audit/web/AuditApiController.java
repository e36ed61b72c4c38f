package org.grassroots.audit.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.grassroots.audit.AuditEntry;
import org.grassroots.audit.AuditLog;
import org.grassroots.audit.AuditQuery;
import org.grassroots.audit.ChainVerification;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.UnitNames;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The hash-chained audit log")
class AuditApiController {

	private final AuditLog audit;

	private final UnitNames units;

	AuditApiController(AuditLog audit, UnitNames units) {
		this.audit = audit;
		this.units = units;
	}

	@GetMapping
	@Operation(summary = "Entries in the caller's scope, newest first, 50 a page; filter by actor, unit code (with its subtree), kind and time")
	List<AuditEntry> search(@RequestParam(required = false) String actor, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser user) {
		String unitPath = null;
		if (unit != null && !unit.isBlank()) {
			try {
				unitPath = units.resolve(unit, user.scope()).path();
			}
			catch (DomainException outsideTheScope) {
				// a unit the caller cannot see has no records the caller may see
				return List.of();
			}
		}
		return audit.search(new AuditQuery(actor == null || actor.isBlank() ? Set.of() : Set.of(actor.trim()), unitPath,
				kind == null || kind.isBlank() ? null : kind.trim(), Set.of(), from, to, null, null, Math.max(page, 0) * 50,
				50), user);
	}

	@GetMapping("/verify")
	@Operation(summary = "Whether the hash chain is intact and, if not, the first broken record (city administrator)")
	ChainVerification verify() {
		return audit.verify();
	}

}
