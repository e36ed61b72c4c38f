package org.grassroots.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.shared.files.Upload;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** Uploads in and stored files out, for the case and mechanism pages and API alike. */
final class Files {

	private Files() {
	}

	/** The files a form sent, leaving out the empty part a browser sends when none was chosen. */
	static List<Upload> uploads(@Nullable List<MultipartFile> parts) {
		List<Upload> uploads = new ArrayList<>();
		if (parts != null) {
			for (MultipartFile part : parts) {
				Upload upload = upload(part);
				if (upload != null) {
					uploads.add(upload);
				}
			}
		}
		return uploads;
	}

	static @Nullable Upload upload(@Nullable MultipartFile part) {
		if (part == null || part.isEmpty()) {
			return null;
		}
		try {
			return new Upload(part.getOriginalFilename() == null ? "file" : part.getOriginalFilename(), part.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
