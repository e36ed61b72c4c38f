package org.grassroots.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.grassroots.shared.GrassrootsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Simplified Chinese by default, English on {@code ?lang=en}, remembered in a cookie; the API also
 * honours Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GrassrootsProperties.class, org.grassroots.shared.geo.MapSettings.class })
class WebConfig implements WebMvcConfigurer {

	/** Time comes from one clock, in UTC; pages show it in Asia/Shanghai. */
	@Bean
	java.time.Clock clock() {
		return java.time.Clock.systemUTC();
	}

	/** Spring MVC's mappings with a cheap first check per mapping ({@link PrefixedMappings}). */
	@Bean
	WebMvcRegistrations prefixedMappings() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PrefixedMappings();
			}
		};
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("grassroots-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		// pages stay Chinese until switched; API callers get the language they ask for
		resolver.setDefaultLocaleFunction(request -> (request.getRequestURI().startsWith("/api/")
				|| request.getRequestURI().startsWith("/open311/v2/"))
				&& request.getHeader("Accept-Language") != null ? request.getLocale() : Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * Spring's resolver of client mistakes (a parameter of the wrong type, a missing header) logs each
	 * at WARN with the exception's message, which quotes the rejected value whole: a 1 MB parameter
	 * made a 1 MB log line. The same resolver, logging a short prefix ({@link LogText}).
	 */
	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		resolvers.replaceAll(resolver -> resolver.getClass() == DefaultHandlerExceptionResolver.class
				? new DefaultHandlerExceptionResolver() {
					{
						setWarnLogCategory(DefaultHandlerExceptionResolver.class.getName());
					}

					@Override
					protected String buildLogMessage(Exception ex, HttpServletRequest request) {
						return "Resolved [" + ex.getClass().getName() + ": " + LogText.cut(ex.getMessage()) + "]";
					}
				} : resolver);
	}

	/**
	 * {@code ?lang=} is read before security, not by a handler interceptor: a page that sends a
	 * visitor to sign in (or the public home page) must switch the language too, and the sign-in
	 * page they land on then speaks it.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> languageParameter(LocaleResolver locales) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				// from the query string only: reading a parameter would make Tomcat read a form or
				// multipart body before anything is ready to refuse a broken one
				String lang = UriComponentsBuilder.newInstance()
					.query(request.getQueryString())
					.build()
					.getQueryParams()
					.getFirst("lang");
				if (lang != null && !lang.isBlank()) {
					try {
						locales.setLocale(request, response, StringUtils.parseLocale(lang.trim()));
					}
					catch (IllegalArgumentException ignored) {
						// an unreadable language leaves the current one
					}
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		// after the session filter, before Spring Security's chain (SecurityProperties.DEFAULT_FILTER_ORDER, -100)
		registration.setOrder(-110);
		return registration;
	}

}
