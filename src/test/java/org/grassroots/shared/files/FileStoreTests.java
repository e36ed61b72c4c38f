package org.grassroots.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.grassroots.shared.DomainException;
import org.junit.jupiter.api.Test;

/** File types come from the bytes, never from the name. */
class FileStoreTests {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R' };

	@Test
	void imagesAndPdfAreKnownByTheirFirstBytes() {
		assertThat(FileStore.check(new Upload("x.bin", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 })))
			.isEqualTo("image/jpeg");
		assertThat(FileStore.check(new Upload("x", PNG))).isEqualTo("image/png");
		assertThat(FileStore.check(new Upload("x", "GIF89a".getBytes()))).isEqualTo("image/gif");
		assertThat(FileStore.check(new Upload("x", "RIFF0000WEBPVP8 ".getBytes()))).isEqualTo("image/webp");
		assertThat(FileStore.check(new Upload("x", "%PDF-1.7".getBytes()))).isEqualTo("application/pdf");
	}

	@Test
	void anythingElseIsRefusedWhateverItsName() {
		assertThatThrownBy(() -> FileStore.check(new Upload("evil.jpg", "MZ\u0090\u0000".getBytes())))
			.isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> FileStore.check(new Upload("page.pdf", "<html><script>".getBytes())))
			.isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> FileStore.check(new Upload("empty.png", new byte[0])))
			.isInstanceOf(DomainException.class);
	}

}
