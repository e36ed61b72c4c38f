package org.grassroots.open311.web;

import org.grassroots.shared.web.ServerErrorFormat;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors Tomcat answers before the application sees the request, such as a request line and
 * headers beyond {@code server.max-http-request-header-size} (a long list of ids in the URL): on
 * {@code /open311/v2} they come as an Open311 error, in the format the path asks for, instead of
 * Tomcat's HTML page (the valve that applies it is shared/web's {@code ServerErrors}).
 */
@Configuration(proxyBeanMethods = false)
class Open311Tomcat {

	@Bean
	ServerErrorFormat open311ErrorReports() {
		return new ServerErrorFormat() {
			@Override
			public boolean answers(String path) {
				return path.startsWith("/open311/v2");
			}

			@Override
			public String contentType(String path) {
				return Formats.xml(path) ? Formats.XML : Formats.JSON;
			}

			@Override
			public String body(String path, int status, HttpServletRequest request) {
				String description = status == 400 ? "Request line and headers too large or malformed: at most 64 KB. "
						+ "请求行和请求头过长或格式错误：最多 64 KB。" : "HTTP " + status;
				return Formats.xml(path)
						? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>" + status + "</code><description>"
								+ description + "</description></error></errors>"
						: "[{\"code\":" + status + ",\"description\":\"" + description + "\"}]";
			}
		};
	}

}
