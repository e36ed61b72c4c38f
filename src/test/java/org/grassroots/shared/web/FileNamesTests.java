package org.grassroots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Names of files the app sends, and the Content-Disposition that carries them (RFC 6266). */
class FileNamesTests {

	@Test
	void aNameIsMadeOfItsPartsCleanedOfWhatFileSystemsRefuse() {
		assertThat(FileNames.of("xlsx", "覆盖率", "本月 主题/学习", "花园路街道", "2026-11-30"))
			.isEqualTo("覆盖率-本月_主题学习-花园路街道-2026-11-30.xlsx");
		assertThat(FileNames.of("pdf", "月报", "南岸区", "2026-10", "")).isEqualTo("月报-南岸区-2026-10.pdf");
		assertThat(FileNames.of("xlsx", "a:b*c?d\"e<f>g|h\\i\tj")).isEqualTo("abcdefghi_j.xlsx");
		assertThat(FileNames.of("xlsx", "学".repeat(100))).isEqualTo("学".repeat(60) + ".xlsx");
	}

	@Test
	void aChineseNameTravelsAsUtf8WithAnAsciiNameBeside() {
		String header = FileNames.attachment("覆盖率-花园路街道-2026-11-30.xlsx", "coverage-plan1-500108002-2026-11-30.xlsx");

		assertThat(header).isEqualTo("attachment; filename=\"coverage-plan1-500108002-2026-11-30.xlsx\"; "
				+ "filename*=UTF-8''%E8%A6%86%E7%9B%96%E7%8E%87-%E8%8A%B1%E5%9B%AD%E8%B7%AF%E8%A1%97%E9%81%93-2026-11-30.xlsx");
		String encoded = header.substring(header.indexOf("UTF-8''") + 7);
		assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("覆盖率-花园路街道-2026-11-30.xlsx");
	}

	@Test
	void whatCouldBreakTheHeaderIsEscapedOrReplaced() {
		String header = FileNames.inline("a b;c%d'e.pdf", "a\"b\\c;d.pdf");

		assertThat(header).isEqualTo("inline; filename=\"a_b_c;d.pdf\"; filename*=UTF-8''a%20b%3Bc%25d%27e.pdf");
	}

}
