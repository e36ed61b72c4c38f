package org.grassroots.open311.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;

/** The XML writer cannot emit a document a parser refuses, whatever text a row holds. */
class DocumentTests {

	@Test
	void everyCharacterXmlCannotHoldIsLeftOutAndTheRestKept() throws Exception {
		StringBuilder text = new StringBuilder("before");
		for (char c = 0; c < 0x20; c++) {
			text.append(c);
		}
		text.append('\u007F').append('\uD800').append("x").append('\uDC00').append('\uFFFE').append('\uFFFF')
			.append("😀 after <&>");
		Document document = new Document("service_requests",
				new Document.Items("request", List.of(Map.of("description", text.toString()))));

		String xml = document.xml();
		org.w3c.dom.Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

		String description = parsed.getElementsByTagName("description").item(0).getTextContent();
		assertThat(description).startsWith("before\t\n").contains("\u007F").contains("x").endsWith("😀 after <&>");
		assertThat(description.chars()).noneMatch(c -> c < 0x20 && c != '\t' && c != '\n');
		assertThat(description).doesNotContain("\uFFFE", "\uFFFF");
		assertThat(description.chars().filter(c -> Character.isSurrogate((char) c)).count()).isEqualTo(2);
	}

}
