package org.grassroots.units;

/** One thing wrong with one line of an imported file, as a message key and its arguments. */
public record ImportError(int line, String messageKey, Object... args) {

}
