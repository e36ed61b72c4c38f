package org.grassroots.problems.web;

import java.nio.file.Files;

import org.grassroots.problems.ProblemViews;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Sends a stored attachment with its sniffed type; never rendered inline as anything but an image or PDF. */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<StreamingResponseBody> of(ProblemViews.AttachmentFile file) {
		var attachment = file.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.contentLength(attachment.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(out -> Files.copy(file.file(), out));
	}

	/** A file for the public: named after its number, so that its stored name (which may name someone) is not sent. */
	static ResponseEntity<StreamingResponseBody> anonymous(ProblemViews.AttachmentFile file) {
		var attachment = file.attachment();
		String extension = switch (attachment.contentType()) {
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			case "image/gif" -> ".gif";
			case "image/webp" -> ".webp";
			case "application/pdf" -> ".pdf";
			default -> "";
		};
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.contentLength(attachment.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("evidence-" + attachment.id() + extension).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(out -> Files.copy(file.file(), out));
	}

}
