package org.grassroots.people.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.grassroots.people.SecondFactors;
import org.grassroots.shared.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two doors: the API ({@code /api/**}) takes bearer tokens, keeps no session and needs no CSRF
 * token; pages use form sign-in with CSRF and no remember-me.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String[] PUBLIC_PAGES = { "/", "/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
			"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
			"/swagger-ui/**", "/report", "/report/**", "/track", "/track/**", "/ledger", "/ledger/**",
			"/reception-days", "/consent/**", "/stop/**" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	DaoAuthenticationProvider passwordCheck(CurrentUserLoader users, PasswordEncoder encoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		// the password is checked whatever the account's state; SignInGuard decides after it
		provider.setPreAuthenticationChecks(user -> {
		});
		return provider;
	}

	/** The token endpoint's sign-in, with the same throttle as the form. */
	@Bean
	AuthenticationManager tokenSignIn(DaoAuthenticationProvider passwords, SignInAttempts attempts,
			SignInThrottle throttle, Clock clock) {
		return new ProviderManager(new SignInGuard(passwords, attempts, throttle, clock, "TOKEN"));
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, org.grassroots.people.AccessTokens tokens,
			ApiProblems problems, TokenUserCache cache) throws Exception {
		return http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests
				// a streamed download ends in an async dispatch of a request already authorized; a
				// stateless chain has no context to authorize it again, and refusing it cut the connection
				.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll()
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
				.requestMatchers("/api/v1/public/**").permitAll()
				.requestMatchers("/api/v1/problems/**").hasRole("STAFF")
				.requestMatchers("/api/v1/cases/**", "/api/v1/mechanisms/**").hasRole("STAFF")
				.requestMatchers("/api/v1/lifeevents/consents/**", "/api/v1/lifeevents/consents").hasRole("STAFF")
				.requestMatchers("/api/v1/open311/**").hasRole("CITY_ADMIN")
				.requestMatchers("/api/v1/audit/verify", "/api/v1/audit/archives", "/api/v1/audit/archives/**").hasRole("SECURITY_AUDITOR")
				.requestMatchers("/api/v1/audit/**").hasAnyRole("STAFF", "SECURITY_AUDITOR")
				.requestMatchers("/api/v1/units/**").hasAnyRole("STAFF", "SYSTEM_ADMIN")
				.requestMatchers("/api/v1/plans/**").hasRole("STAFF")
				.requestMatchers("/api/v1/accounts/**").hasAnyRole("SYSTEM_ADMIN", "SECURITY_ADMIN")
				.requestMatchers("/api/v1/security/**").hasRole("SECURITY_ADMIN")
				.requestMatchers("/api/v1/personal-data/**").hasRole("SYSTEM_ADMIN")
				.requestMatchers("/api/v1/outbox/**").hasRole("SYSTEM_ADMIN")
				.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens, problems, cache), BasicAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "error.401.text"))
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"error.403.text")))
			.headers(org.grassroots.shared.web.SecurityHeaders.api())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, DaoAuthenticationProvider passwords, SignInAttempts attempts,
			SignInThrottle throttle, Clock clock, CurrentUserLoader users, SecondFactors factors,
			@Value("${grassroots.sessions.absolute-timeout:PT12H}") Duration absoluteTimeout,
			org.grassroots.shared.geo.MapSettings map) throws Exception {
		return http
			.authenticationManager(new ProviderManager(new SignInGuard(passwords, attempts, throttle, clock, "FORM")))
			.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PAGES).permitAll()
				.requestMatchers("/audit/integrity", "/audit/archives", "/audit/archives/**").hasRole("SECURITY_AUDITOR")
				.requestMatchers("/audit/**", "/audit").hasAnyRole("STAFF", "SECURITY_AUDITOR")
				.requestMatchers("/units/pick").hasAnyRole("STAFF", "SYSTEM_ADMIN", "SECURITY_ADMIN")
				.requestMatchers("/units/**", "/units").hasAnyRole("STAFF", "SYSTEM_ADMIN")
				.requestMatchers("/problems/**", "/inbox/**", "/learning/**", "/plans/**", "/plans", "/dashboard/**", "/dashboard")
				.hasRole("STAFF")
				.requestMatchers("/cases/**", "/cases", "/mechanisms/**", "/mechanisms").hasRole("STAFF")
				.requestMatchers("/lifeevents/consents/**", "/lifeevents/consents").hasRole("STAFF")
				.requestMatchers("/accounts/**", "/accounts").hasAnyRole("SYSTEM_ADMIN", "SECURITY_ADMIN")
				.requestMatchers("/security/**").hasRole("SECURITY_ADMIN")
				.requestMatchers("/personal-data/**", "/personal-data").hasRole("SYSTEM_ADMIN")
				.requestMatchers("/outbox/**", "/outbox").hasRole("SYSTEM_ADMIN")
				.requestMatchers("/open311/keys/**", "/open311/keys").hasRole("CITY_ADMIN")
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").successHandler(success(clock, factors)).failureHandler(failure()))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.addFilterAfter(new PageUserFilter(users, absoluteTimeout, clock), UsernamePasswordAuthenticationFilter.class)
			.headers(org.grassroots.shared.web.SecurityHeaders.pages(map.imageSources()))
			.build();
	}

	/** One answer for every refusal, so the form tells nobody which usernames exist or are locked. */
	private static AuthenticationFailureHandler failure() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			try {
				response.sendRedirect(request.getContextPath() + "/login?error");
			}
			catch (IOException io) {
				throw new java.io.UncheckedIOException(io);
			}
		};
	}

	/**
	 * Notes when the session signed in, so a later password change and the absolute timeout can
	 * end it (PageUserFilter); then asks for the second factor's code, or lands.
	 */
	private static AuthenticationSuccessHandler success(Clock clock, SecondFactors factors) {
		return (request, response, authentication) -> {
			var session = request.getSession();
			session.setAttribute(PageUserFilter.SIGNED_IN_AT, clock.instant());
			if (authentication.getPrincipal() instanceof CurrentUser user) {
				if (factors.on(user.accountId())) {
					session.setAttribute(SignInSteps.CODE_PENDING, true);
					response.sendRedirect(request.getContextPath() + "/login/code");
					return;
				}
				if (factors.required(user)) {
					session.setAttribute(SignInSteps.MUST_ENROL, true);
				}
			}
			SignInSteps.land(request, response, authentication);
		};
	}

	@Bean
	ApiProblems apiProblems(MessageSource messages, LocaleResolver locales) {
		return new ApiProblems(messages, locales);
	}

}
