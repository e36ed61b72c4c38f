package org.grassroots.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.shared.files.Upload;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** The files a form or an API request sent, as uploads for {@link org.grassroots.shared.files.FileStore}. */
public final class Uploads {

	private Uploads() {
	}

	/** Every file sent, leaving out the empty part a browser sends when none was chosen. */
	public static List<Upload> of(@Nullable List<MultipartFile> parts) {
		List<Upload> uploads = new ArrayList<>();
		if (parts != null) {
			for (MultipartFile part : parts) {
				Upload upload = of(part);
				if (upload != null) {
					uploads.add(upload);
				}
			}
		}
		return uploads;
	}

	/** The file sent, or null when none was chosen. */
	public static @Nullable Upload of(@Nullable MultipartFile part) {
		if (part == null || part.isEmpty()) {
			return null;
		}
		return read(part);
	}

	/** The file sent, even an empty one, which the file store then refuses with its own message. */
	public static Upload read(MultipartFile part) {
		String name = part.getOriginalFilename();
		try {
			return new Upload(name == null || name.isBlank() ? "file" : name, part.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
