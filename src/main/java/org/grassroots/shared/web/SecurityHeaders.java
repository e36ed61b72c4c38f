package org.grassroots.shared.web;

import java.util.List;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The response headers that limit what a browser lets our pages load and do, on top of Spring
 * Security's defaults (nosniff, X-Frame-Options DENY, no caching, and HSTS on secure requests),
 * for every security filter chain.
 */
public final class SecurityHeaders {

	/**
	 * Our pages load scripts and styles from files only: no inline script, no style attribute, no
	 * eval. Bootstrap's form controls draw their arrows and ticks as {@code data:} images.
	 */
	static final String PAGES_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * Swagger UI's bundle applies inline styles, which Chromium refuses under {@code style-src 'self'},
	 * so its page alone allows them; scripts stay files only.
	 */
	static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** The API answers JSON, which is never a document that may load or run anything. */
	static final String API_POLICY = "default-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	/**
	 * Powerful features nobody here uses are off, for us and anything we might embed; the camera
	 * stays ours for the photo on a resident's report.
	 */
	static final String PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "serial=(), midi=(), display-capture=(), accelerometer=(), gyroscope=(), magnetometer=()";

	private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(
			PathPatternRequestMatcher.pathPattern("/swagger-ui.html"),
			PathPatternRequestMatcher.pathPattern("/swagger-ui/**"));

	private SecurityHeaders() {
	}

	/** Pages, Swagger UI with its own policy, and everything else outside {@code /api/**}. */
	public static Customizer<HeadersConfigurer<HttpSecurity>> pages() {
		return pages(List.of());
	}

	/**
	 * Pages as {@link #pages()}, whose images may also come from the map's tile servers
	 * ({@code MapSettings.imageSources()}, issue 21): only those origins, and only when configured.
	 */
	public static Customizer<HeadersConfigurer<HttpSecurity>> pages(List<String> imageSources) {
		String policy = pagesPolicy(imageSources);
		return headers -> common(headers)
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
					new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
					new ContentSecurityPolicyHeaderWriter(policy)));
	}

	/** {@link #PAGES_POLICY} with these origins added to {@code img-src}. */
	static String pagesPolicy(List<String> imageSources) {
		if (imageSources.isEmpty()) {
			return PAGES_POLICY;
		}
		for (String source : imageSources) {
			// an origin is one source expression: no space, quote, comma or semicolon could end the directive
			if (!source.matches("https?://[A-Za-z0-9.\\[\\]:-]+")) {
				throw new IllegalArgumentException("not an origin: " + source);
			}
		}
		return PAGES_POLICY.replace("img-src 'self' data:;", "img-src 'self' data: " + String.join(" ", imageSources) + ";");
	}

	/** The API and Open311: answers for programs, never documents. */
	public static Customizer<HeadersConfigurer<HttpSecurity>> api() {
		return headers -> common(headers).contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY));
	}

	private static HeadersConfigurer<HttpSecurity> common(HeadersConfigurer<HttpSecurity> headers) {
		return headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			.crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN));
	}

}
