package org.grassroots.audit.web;

import java.nio.file.Path;

import org.grassroots.audit.AuditArchives;
import org.grassroots.audit.AuditLog;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Times;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.PageController;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security auditor's page (docs/audit.md): whether the chain verifies, the archives made
 * with their files, and archiving what is older than the retention.
 */
@PageController
class AuditIntegrityPages {

	private final AuditLog audit;

	private final AuditArchives archives;

	private final Messages messages;

	AuditIntegrityPages(AuditLog audit, AuditArchives archives, Messages messages) {
		this.audit = audit;
		this.archives = archives;
		this.messages = messages;
	}

	/** Verifying reads the whole kept chain, so it runs when asked, not on every visit. */
	@GetMapping("/audit/integrity")
	String integrity(@RequestParam(defaultValue = "false") boolean verify, @RequestParam(required = false) Long check,
			Model model) {
		model.addAttribute("verification", verify ? audit.verify() : null);
		model.addAttribute("checked", check);
		model.addAttribute("archiveCheck", check == null ? null : archives.check(check));
		model.addAttribute("archives", archives.list());
		model.addAttribute("cutoff", archives.cutoff().atZone(Times.ZONE).toLocalDate());
		return "audit/integrity";
	}

	@PostMapping("/audit/archives")
	String archive(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		archives.archive(user).ifPresentOrElse(
				made -> redirect.addFlashAttribute("notice",
						messages.text("audit.archive.made", made.recordCount(), made.fileName())),
				() -> redirect.addFlashAttribute("error", messages.text("audit.error.nothing-to-archive",
						archives.cutoff().atZone(Times.ZONE).toLocalDate().toString())));
		return "redirect:/audit/integrity";
	}

	@GetMapping("/audit/archives/{id}/file")
	ResponseEntity<Resource> file(@PathVariable long id) {
		return download(archives.file(id));
	}

	/** An archive's file as a download, for the page and the API alike. */
	static ResponseEntity<Resource> download(Path file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/gzip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
			.body(new FileSystemResource(file));
	}

}
