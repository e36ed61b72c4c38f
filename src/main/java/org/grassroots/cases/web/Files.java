package org.grassroots.cases.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** Stored files out, for the case and mechanism pages and API alike. */
final class Files {

	private Files() {
	}

	/**
	 * A stored file with its sniffed type, inline, never sniffed again by the browser. Sent as a
	 * resource in the request's own thread: a streamed body would finish in an async dispatch, which
	 * a bearer-token request does not authenticate again.
	 */
	static ResponseEntity<Resource> send(String fileName, String contentType, long size, Path file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.contentLength(size)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(file));
	}

}
