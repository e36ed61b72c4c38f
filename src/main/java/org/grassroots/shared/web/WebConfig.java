package org.grassroots.shared.web;

import java.time.Duration;
import java.util.Locale;

import org.grassroots.shared.GrassrootsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Simplified Chinese by default, English on {@code ?lang=en}, remembered in a cookie; the API also
 * honours Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrassrootsProperties.class)
class WebConfig implements WebMvcConfigurer {

	/** Time comes from one clock, in UTC; pages show it in Asia/Shanghai. */
	@Bean
	java.time.Clock clock() {
		return java.time.Clock.systemUTC();
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

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
