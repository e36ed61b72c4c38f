package org.grassroots.shared.files;

/** A file as a person sent it: the name they gave and its bytes; the type is decided by content. */
public record Upload(String fileName, byte[] bytes) {

	public boolean isEmpty() {
		return bytes.length == 0;
	}

}
