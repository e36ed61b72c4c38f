package org.grassroots.people.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password sign-in with lockout, for the form and for the token endpoint alike. A locked account is
 * refused before its password is checked, so a locked account does not reveal a right guess.
 */
public class SignInGuard implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInAttempts attempts;

	private final String channel;

	public SignInGuard(DaoAuthenticationProvider passwords, SignInAttempts attempts, String channel) {
		this.passwords = passwords;
		this.attempts = attempts;
		this.channel = channel;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		try {
			Authentication result = passwords.authenticate(authentication);
			attempts.succeeded(username, channel);
			return result;
		}
		catch (LockedException | DisabledException ex) {
			attempts.failed(username, channel, true);
			throw ex;
		}
		catch (BadCredentialsException ex) {
			attempts.failed(username, channel, false);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
