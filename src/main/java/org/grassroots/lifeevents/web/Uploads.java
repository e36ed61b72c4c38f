package org.grassroots.lifeevents.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.grassroots.shared.files.Upload;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** A multipart file as the facades take it. */
final class Uploads {

	private Uploads() {
	}

	static Upload of(MultipartFile part) {
		try {
			return new Upload(part.getOriginalFilename() == null ? "file" : part.getOriginalFilename(), part.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static @Nullable Upload ofNullable(@Nullable MultipartFile part) {
		return part == null || part.isEmpty() ? null : of(part);
	}

}
