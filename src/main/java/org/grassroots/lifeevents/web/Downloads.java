package org.grassroots.lifeevents.web;

import java.nio.charset.StandardCharsets;

import org.grassroots.lifeevents.DocumentFile;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A document sent inline with its sniffed type, never as anything the browser would run. */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<Resource> send(DocumentFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(file.file()));
	}

}
