package org.grassroots.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors the server raises itself, outside any controller, answered on {@code /api/**} as problem
 * details and on a module's own paths in its format ({@link ServerErrorFormat}): Tomcat's
 * rejections of a malformed request (its error report valve), everything that reaches the
 * container's error dispatch (the security firewall's 400, an unknown path's 404, a failure in a
 * filter), and a query string that is not UTF-8. Pages keep their error pages.
 */
@Configuration(proxyBeanMethods = false)
class ServerErrors {

	private static final Logger log = LoggerFactory.getLogger(ServerErrors.class);

	@Bean
	ApiProblems apiServerErrors(MessageSource messages) {
		return new ApiProblems(messages);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> serverErrorReports(ObjectProvider<ServerErrorFormat> formats) {
		return factory -> factory.addContextLifecycleListeners(event -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && event.getLifecycle() instanceof Context context
					&& context.getParent() instanceof Host host) {
				replaceErrorReport(host, formats);
			}
		});
	}

	/**
	 * The container's error dispatch on a path a {@link ServerErrorFormat} answers ({@code /api/**},
	 * Open311): its format instead of Boot's error map or page. A server fault keeps its stack trace
	 * in the log; a client's mistake does not.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> formattedErrorDispatch(ObjectProvider<ServerErrorFormat> formats) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
				ServerErrorFormat format = uri instanceof String path ? format(formats, path) : null;
				if (format == null || response.isCommitted()) {
					chain.doFilter(request, response);
					return;
				}
				String path = (String) uri;
				int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
				if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable fault) {
					log.error("{} failed", LogText.cut(path), fault);
				}
				response.resetBuffer();
				response.setStatus(status);
				response.setContentType(format.contentType(path));
				response.setCharacterEncoding("UTF-8");
				response.getWriter().write(format.body(path, status, request));
			}

			@Override
			protected boolean shouldNotFilterErrorDispatch() {
				return false;
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	private static @Nullable ServerErrorFormat format(ObjectProvider<ServerErrorFormat> formats, String path) {
		return formats.orderedStream().filter(format -> format.answers(path)).findFirst().orElse(null);
	}

	/**
	 * Refused before anything reads them: a query string whose escapes are not UTF-8 (%FF%FE), which
	 * Tomcat would fail on inside whichever filter asks for a parameter first (400), and a Content-Type
	 * that is no media type or a wildcard such as {@code *}{@code /*}, which Spring's request wrapper
	 * throws on when a handler reads the body (415). Both would otherwise end as a server error.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> malformedRequests() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String query = request.getQueryString();
				if (query != null && !decodable(query)) {
					log.warn("refused a query string that is not UTF-8: {}", LogText.cut(query));
					response.sendError(HttpServletResponse.SC_BAD_REQUEST);
					return;
				}
				String type = request.getContentType();
				// a GET's content type is never read: a client that sends a stray one is not refused for it
				if (type != null && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
						&& !concrete(type)) {
					log.warn("refused the content type {}", LogText.cut(type));
					response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
					return;
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Whether the text is one media type with neither part a wildcard. */
	static boolean concrete(String type) {
		try {
			MediaType media = MediaType.parseMediaType(type);
			return !media.isWildcardType() && !media.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** Whether every %-escape in the text is hexadecimal and the bytes they make are UTF-8. */
	static boolean decodable(String query) {
		byte[] bytes = new byte[query.length()];
		int length = 0;
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c == '%') {
				if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
						|| Character.digit(query.charAt(i + 2), 16) < 0) {
					return false;
				}
				bytes[length++] = (byte) Integer.parseInt(query, i + 1, i + 3, 16);
				i += 2;
			}
			else {
				// Tomcat hands a raw byte over as the ISO-8859-1 character of the same value
				bytes[length++] = (byte) c;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, length));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/** The host has added its error report valve by the time its context starts: put ours in its place. */
	private static void replaceErrorReport(Host host, ObjectProvider<ServerErrorFormat> formats) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve tomcats && !(valve instanceof FormattedErrorReport)) {
				FormattedErrorReport ours = new FormattedErrorReport(formats);
				ours.setShowReport(tomcats.isShowReport());
				ours.setShowServerInfo(tomcats.isShowServerInfo());
				host.getPipeline().removeValve(tomcats);
				host.getPipeline().addValve(ours);
			}
		}
	}

	/** Tomcat's error report, except on paths a {@link ServerErrorFormat} answers. */
	static class FormattedErrorReport extends ErrorReportValve {

		private final ObjectProvider<ServerErrorFormat> formats;

		FormattedErrorReport(ObjectProvider<ServerErrorFormat> formats) {
			this.formats = formats;
		}

		@Override
		protected void report(Request request, Response response, @Nullable Throwable throwable) {
			// Tomcat asks after every response: one that is no error, or already has a body, is answered
			// before the formats are looked up (that lookup cost 4% of a check-in's CPU)
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0) {
				return;
			}
			String uri = request.getRequestURI();
			ServerErrorFormat format = uri == null ? null : format(formats, uri);
			if (format == null) {
				super.report(request, response, throwable);
				return;
			}
			if (!response.setErrorReported()) {
				return;
			}
			try {
				response.setContentType(format.contentType(uri));
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(format.body(uri, status, request));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response already closed: nothing more to say
			}
		}

	}

}
