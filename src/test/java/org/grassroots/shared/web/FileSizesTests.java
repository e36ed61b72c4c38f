package org.grassroots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A file's size as people read it: bytes, then KB and MB with one decimal. */
class FileSizesTests {

	@ParameterizedTest
	@CsvSource({ "0, 0 B", "779, 779 B", "1023, 1023 B", "1024, 1.0 KB", "1536, 1.5 KB", "10240, 10.0 KB",
			"1048524, 1023.9 KB", "1048575, 1.0 MB", "1048576, 1.0 MB", "5452595, 5.2 MB", "10485760, 10.0 MB" })
	void sizesReadAsBytesKilobytesOrMegabytes(long bytes, String shown) {
		assertThat(new FileSizes().of(bytes)).isEqualTo(shown);
	}

}
