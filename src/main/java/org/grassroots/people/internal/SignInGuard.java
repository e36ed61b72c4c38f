package org.grassroots.people.internal;

import java.time.Clock;

import org.grassroots.shared.CurrentUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in for the form and the token endpoint alike. The throttle is asked first; then
 * the password is always checked (a hash is computed for unknown usernames too), and only after
 * a right password does a disabled or locked account count as a failure. So an unknown, a
 * locked, a disabled account and a wrong password get the same answer in about the same time.
 */
public class SignInGuard implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInAttempts attempts;

	private final SignInThrottle throttle;

	private final Clock clock;

	private final String channel;

	public SignInGuard(DaoAuthenticationProvider passwords, SignInAttempts attempts, SignInThrottle throttle,
			Clock clock, String channel) {
		this.passwords = passwords;
		this.attempts = attempts;
		this.throttle = throttle;
		this.clock = clock;
		this.channel = channel;
	}

	/** Too many attempts: wait before the next. */
	public static class Throttled extends AuthenticationException {

		private final transient SignInThrottle.Refusal refusal;

		public Throttled(SignInThrottle.Refusal refusal) {
			super("too many sign-in attempts");
			this.refusal = refusal;
		}

		public long retryAfterSeconds() {
			return Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
		}

	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String address = address(authentication);
		var refusal = throttle.check(username, address);
		if (refusal.isPresent()) {
			attempts.throttled(username, channel, refusal.get());
			throw new Throttled(refusal.get());
		}
		Authentication result;
		try {
			result = passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			throttle.failed(username, address);
			attempts.failed(username, channel);
			throw ex;
		}
		if (!(result.getPrincipal() instanceof CurrentUser user) || !user.isEnabled()
				|| attempts.lockedNow(user.accountId(), clock.instant())) {
			throttle.failed(username, address);
			attempts.failed(username, channel);
			throw new BadCredentialsException("refused");
		}
		attempts.succeeded(username, channel);
		return result;
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
				? details.getRemoteAddress() : "unknown";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
