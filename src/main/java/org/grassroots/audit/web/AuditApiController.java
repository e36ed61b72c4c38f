package org.grassroots.audit.web;

import org.grassroots.audit.ArchiveCheck;
import org.grassroots.audit.AuditArchive;
import org.grassroots.audit.AuditArchives;
import org.grassroots.shared.Times;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
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

	private final AuditArchives archives;

	AuditApiController(AuditLog audit, UnitNames units, AuditArchives archives) {
		this.audit = audit;
		this.units = units;
		this.archives = archives;
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
				unitPath = units.resolve(unit, user.auditScope()).path();
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

	@PostMapping("/archives")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Archive every whole sealed batch older than the retention (at least six months) to a file and "
			+ "remove it from the database; the batches kept still verify from the archive's last hash (security auditor). "
			+ "409 when no batch is old enough")
	AuditArchive archive(@AuthenticationPrincipal CurrentUser user) {
		return archives.archive(user).orElseThrow(() -> DomainException.conflict("audit.error.nothing-to-archive",
				archives.cutoff().atZone(Times.ZONE).toLocalDate().toString()));
	}

	@GetMapping("/archives")
	@Operation(summary = "The archives made, newest first, with the chain each holds and its file's SHA-256 (security auditor)")
	List<AuditArchive> archives() {
		return archives.list();
	}

	@GetMapping("/archives/{id}/file")
	@Operation(summary = "An archive's file: gzipped JSON lines, the archive, each batch, each record with every column "
			+ "(security auditor)")
	ResponseEntity<Resource> archiveFile(@PathVariable long id) {
		return AuditIntegrityPages.download(archives.file(id));
	}

	@GetMapping("/archives/{id}/check")
	@Operation(summary = "Check an archive's file: its SHA-256, every record and batch hash recomputed, the links "
			+ "from its first hash to its head, and that it starts where the archive before it ends (security auditor)")
	ArchiveCheck checkArchive(@PathVariable long id) {
		return archives.check(id);
	}

	@GetMapping("/verify")
	@Operation(summary = "Whether the hash chain is intact and, if not, the first broken record (security auditor)")
	ChainVerification verify() {
		return audit.verify();
	}

}
