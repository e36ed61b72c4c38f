package org.grassroots.shared.web;

import java.util.Map;
import java.util.Optional;

/**
 * Why a person is asked to sign in, for the page they were on their way to: a module that owns
 * such a page (a scanned check-in code) says so in the person's language, and the sign-in page
 * shows it. Modules implement it as beans; the sign-in page asks each in turn.
 */
public interface SignInReason {

	/**
	 * @param path the path of the page the person was going to, without the context path
	 * @param parameters its query parameters, the first value of each
	 * @return the sentence to show, or empty when the page is not this module's
	 */
	Optional<String> reason(String path, Map<String, String> parameters);

}
