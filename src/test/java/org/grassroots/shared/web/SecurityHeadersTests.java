package org.grassroots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The pages' policy lets images come from the map's tile servers only when there are some (issue 21). */
class SecurityHeadersTests {

	@Test
	void withoutTilesThePolicyIsAsBefore() {
		assertThat(SecurityHeaders.pagesPolicy(List.of())).isEqualTo(SecurityHeaders.PAGES_POLICY)
			.contains("img-src 'self' data:;");
	}

	@Test
	void tileOriginsAreAddedToImgSrcAlone() {
		String policy = SecurityHeaders.pagesPolicy(List.of("https://t0.tianditu.gov.cn", "https://t1.tianditu.gov.cn"));
		assertThat(policy).contains("img-src 'self' data: https://t0.tianditu.gov.cn https://t1.tianditu.gov.cn;")
			.contains("script-src 'self';")
			.contains("connect-src 'self';")
			.contains("default-src 'self';");
	}

	@Test
	void somethingThatIsNoOriginCannotWidenThePolicy() {
		assertThatThrownBy(() -> SecurityHeaders.pagesPolicy(List.of("https://x.example; script-src *")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SecurityHeaders.pagesPolicy(List.of("'unsafe-inline'")))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
