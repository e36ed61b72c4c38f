package org.grassroots.shared.web;

import java.io.IOException;
import java.util.Locale;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * A multipart body is read once, here, before anything else asks for a parameter: the CSRF check
 * of a page form would otherwise make Tomcat read it inside the security filters, where a broken
 * body (cut short, a boundary that never comes) or a file name with a control character (a NUL
 * the database refuses, an escape a terminal obeys) ends as a server error. Here it ends as 400
 * (413 past the size limits): problem details on the API, the error page on pages. A multipart
 * type without a boundary is left to the handler, so a JSON operation answers 415 for it.
 */
@Configuration(proxyBeanMethods = false)
class UploadChecks {

	private static final Logger log = LoggerFactory.getLogger(UploadChecks.class);

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> multipartBodies() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
				if (type.startsWith("multipart/") && type.contains("boundary=") && !readable(request, response)) {
					return;
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		// after the query check (ServerErrors), before the language filter and Spring Security
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/** Reads every part; false when the body was refused and the answer sent. */
	private static boolean readable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		try {
			for (Part part : request.getParts()) {
				String name = part.getSubmittedFileName();
				if (name != null && name.chars().anyMatch(Character::isISOControl)) {
					return refuse(request, response, 400, "error.file-name", "a file name with a control character");
				}
			}
			return true;
		}
		catch (InvalidFileNameException ex) {
			return refuse(request, response, 400, "error.file-name", "a file name with a control character");
		}
		catch (IllegalStateException ex) {
			if (ex.getCause() instanceof SizeException) {
				return refuse(request, response, 413, "error.413.text", "a body beyond the size limits");
			}
			return refuse(request, response, 400, "error.multipart", "an unreadable multipart body");
		}
		catch (IOException | ServletException | RuntimeException ex) {
			return refuse(request, response, 400, "error.multipart", "an unreadable multipart body");
		}
	}

	private static boolean refuse(HttpServletRequest request, HttpServletResponse response, int status, String messageKey,
			String reason) throws IOException {
		log.warn("refused {} on {} {}", reason, request.getMethod(), LogText.cut(request.getRequestURI()));
		request.setAttribute(ApiProblems.DETAIL_KEY, messageKey);
		response.sendError(status);
		return false;
	}

}
