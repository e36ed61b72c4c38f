package org.grassroots.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.grassroots.problems.internal.AttachmentStore;
import org.grassroots.shared.DomainException;
import org.junit.jupiter.api.Test;

/** File types come from the bytes, never from the name. */
class AttachmentStoreTests {

	@Test
	void imagesAndPdfAreKnownByTheirFirstBytes() {
		assertThat(AttachmentStore.check(new Upload("x.bin", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 })))
			.isEqualTo("image/jpeg");
		assertThat(AttachmentStore.check(new Upload("x", ProblemSafetyIntegrationTests.PNG))).isEqualTo("image/png");
		assertThat(AttachmentStore.check(new Upload("x", "GIF89a".getBytes()))).isEqualTo("image/gif");
		assertThat(AttachmentStore.check(new Upload("x", "RIFF0000WEBPVP8 ".getBytes()))).isEqualTo("image/webp");
		assertThat(AttachmentStore.check(new Upload("x", "%PDF-1.7".getBytes()))).isEqualTo("application/pdf");
	}

	@Test
	void anythingElseIsRefusedWhateverItsName() {
		assertThatThrownBy(() -> AttachmentStore.check(new Upload("evil.jpg", "MZ\u0090\u0000".getBytes())))
			.isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> AttachmentStore.check(new Upload("page.pdf", "<html><script>".getBytes())))
			.isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> AttachmentStore.check(new Upload("empty.png", new byte[0])))
			.isInstanceOf(DomainException.class);
	}

}
