package org.grassroots.plans.web;

import java.nio.file.Files;

import org.grassroots.plans.MeasureManagement;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Sends an evidence file with its sniffed type, never rendered inline as anything but an image or PDF. */
final class EvidenceDownloads {

	private EvidenceDownloads() {
	}

	static ResponseEntity<StreamingResponseBody> of(MeasureManagement.EvidenceDownload download) {
		var evidence = download.evidence();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(evidence.contentType()))
			.contentLength(evidence.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(evidence.fileName(), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(out -> Files.copy(download.file(), out));
	}

}
