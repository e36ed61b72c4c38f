package org.grassroots.shared;

import org.springframework.http.HttpStatus;

/**
 * A refused command, carrying a message key and arguments so that pages and problem details
 * explain it in the user's language.
 */
public class DomainException extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final Object[] args;

	public DomainException(HttpStatus status, String messageKey, Object... args) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.args = args;
	}

	/** Bad input: 400. */
	public static DomainException invalid(String messageKey, Object... args) {
		return new DomainException(HttpStatus.BAD_REQUEST, messageKey, args);
	}

	/** A command that clashes with the current state or a newer version: 409. */
	public static DomainException conflict(String messageKey, Object... args) {
		return new DomainException(HttpStatus.CONFLICT, messageKey, args);
	}

	/** Allowed to see, not allowed to do: 403. */
	public static DomainException forbidden(String messageKey, Object... args) {
		return new DomainException(HttpStatus.FORBIDDEN, messageKey, args);
	}

	/** The version the client saw is no longer the current one. */
	public static DomainException staleVersion() {
		return conflict("error.stale-version");
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}

}
