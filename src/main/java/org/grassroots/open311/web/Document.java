package org.grassroots.open311.web;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * One GeoReport response written as JSON or XML from the same tree. Maps are objects (elements
 * in field order); {@link Items} are JSON arrays and XML wrapper elements around one element per
 * item. XML is UTF-8 without a namespace, as the standard asks.
 *
 * @param root the XML root element
 * @param body a map (an object) or an {@link Items} (a top-level array, whose item name names the XML children)
 */
record Document(String root, Object body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A list, named per item in XML. */
	record Items(String itemName, List<?> items) {

	}

	String json() {
		return JSON.writeValueAsString(plain(body));
	}

	String xml() {
		try {
			StringWriter out = new StringWriter();
			XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			write(xml, root, body);
			xml.writeEndDocument();
			xml.close();
			return out.toString();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable Object plain(@Nullable Object value) {
		if (value instanceof Items items) {
			return items.items().stream().map(Document::plain).toList();
		}
		if (value instanceof Map<?, ?> map) {
			var copy = new java.util.LinkedHashMap<Object, @Nullable Object>();
			map.forEach((key, item) -> copy.put(key, plain(item)));
			return copy;
		}
		return value;
	}

	private static void write(XMLStreamWriter xml, String name, @Nullable Object value) throws XMLStreamException {
		if (value == null) {
			xml.writeEmptyElement(name);
			return;
		}
		xml.writeStartElement(name);
		if (value instanceof Items items) {
			for (Object item : items.items()) {
				write(xml, items.itemName(), item);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (var field : map.entrySet()) {
				write(xml, String.valueOf(field.getKey()), field.getValue());
			}
		}
		else {
			xml.writeCharacters(xmlText(String.valueOf(value)));
		}
		xml.writeEndElement();
	}

	/**
	 * The text without what XML 1.0 cannot hold (C0 controls other than tab and line breaks, lone
	 * surrogates, U+FFFE and U+FFFF): whatever an old row or a future channel stored, the document
	 * stays well-formed.
	 */
	static String xmlText(String text) {
		StringBuilder kept = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
			boolean allowed = pair || c == '\t' || c == '\n' || c == '\r'
					|| (c >= 0x20 && !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF');
			if (!allowed && kept == null) {
				kept = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (allowed && kept != null) {
				kept.append(c);
				if (pair) {
					kept.append(text.charAt(i + 1));
				}
			}
			if (pair) {
				i++;
			}
		}
		return kept == null ? text : kept.toString();
	}

}
