package org.grassroots.open311.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Errors Tomcat answers before the application sees the request, such as a request line and
 * headers beyond {@code server.max-http-request-header-size} (a long list of ids in the URL): on
 * {@code /open311/v2} they come as an Open311 error, in the format the path asks for, instead of
 * Tomcat's HTML page. Other paths keep Tomcat's report.
 */
@Configuration(proxyBeanMethods = false)
class Open311Tomcat {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> open311ErrorReports() {
		return factory -> factory.addContextLifecycleListeners(event -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && event.getLifecycle() instanceof Context context
					&& context.getParent() instanceof Host host) {
				replaceErrorReport(host);
			}
		});
	}

	/** The host has added its error report valve by the time its context starts: put ours in its place. */
	private static void replaceErrorReport(Host host) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve tomcats && !(valve instanceof Open311ErrorReport)) {
				Open311ErrorReport ours = new Open311ErrorReport();
				ours.setShowReport(tomcats.isShowReport());
				ours.setShowServerInfo(tomcats.isShowServerInfo());
				host.getPipeline().removeValve(tomcats);
				host.getPipeline().addValve(ours);
			}
		}
	}

	/** Tomcat's error report, except on Open311 paths. */
	static class Open311ErrorReport extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, @Nullable Throwable throwable) {
			String uri = request.getRequestURI();
			if (uri == null || !uri.startsWith("/open311/v2")) {
				super.report(request, response, throwable);
				return;
			}
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			boolean xml = Formats.xml(uri);
			String description = status == 400 ? "Request line and headers too large or malformed: at most 64 KB. "
					+ "请求行和请求头过长或格式错误：最多 64 KB。" : "HTTP " + status;
			try {
				response.setContentType(xml ? Formats.XML : Formats.JSON);
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(xml
							? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>" + status + "</code><description>"
									+ description + "</description></error></errors>"
							: "[{\"code\":" + status + ",\"description\":\"" + description + "\"}]");
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response already closed: nothing more to say
			}
		}

	}

}
