package org.grassroots.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How errors that Tomcat answers itself, before the application sees the request (a malformed or
 * oversized request line, an undecodable path), read on the paths a module serves; other paths get
 * Tomcat's page. A module declares one as a bean.
 */
public interface ServerErrorFormat {

	/** Whether this format answers errors on the path. */
	boolean answers(String path);

	/** The content type of the error on the path. */
	String contentType(String path);

	/** The error's body: short, in the caller's language where the format allows, never a stack trace. */
	String body(String path, int status, HttpServletRequest request);

}
