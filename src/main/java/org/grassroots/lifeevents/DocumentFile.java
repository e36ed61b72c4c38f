package org.grassroots.lifeevents;

import java.nio.file.Path;

/** A stored document or answer file, ready to send to someone allowed to read it. */
public record DocumentFile(String fileName, String contentType, long size, Path file) {

}
