package org.grassroots.people.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grassroots.people.AccessToken;
import org.grassroots.people.AccessTokens;
import org.grassroots.people.Account;
import org.grassroots.people.AccountManagement;
import org.grassroots.people.CreateAccount;
import org.grassroots.people.IssuedToken;
import org.grassroots.people.RoleGrant;
import org.grassroots.people.SecondFactors;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.people.internal.SignInGuard;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

@RestController
@Tag(name = "People", description = "Accounts within the caller's scope, and personal access tokens")
class AccountApiController {

	private final AccountManagement accounts;

	private final AccessTokens tokens;

	private final AuthenticationManager signIn;

	private final MessageSource messages;

	private final SecondFactors factors;

	AccountApiController(AccountManagement accounts, AccessTokens tokens, AuthenticationManager signIn,
			MessageSource messages, SecondFactors factors) {
		this.messages = messages;
		this.factors = factors;
		this.accounts = accounts;
		this.tokens = tokens;
		this.signIn = signIn;
	}

	/**
	 * Username, password, an optional label for the token, and the code of the account's second
	 * factor when it has one (six digits from the authenticator, or a recovery code).
	 */
	record TokenRequest(@NotBlank String username, @NotBlank String password, @Nullable String name,
			@Nullable String code) {

	}

	@PostMapping("/api/v1/auth/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@SecurityRequirements
	@Operation(summary = "Sign in with a password and get a personal access token, shown this once",
			description = "Failed attempts are throttled per client address and per account, as on the sign-in page: "
					+ "a throttled attempt answers 429 with Retry-After. Unknown usernames, wrong passwords, and "
					+ "locked or disabled accounts all answer the same 401. An account with a second factor also needs "
					+ "`code` (the authenticator's six digits or a recovery code): without it 401 people.error.code-needed, "
					+ "wrong 401 people.error.wrong-code; an account whose role requires one and has none enrolled gets 403 "
					+ "people.error.enrol-second-factor-first (enrol on the pages).")
	IssuedToken issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		CurrentUser user;
		try {
			var attempt = UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password());
			attempt.setDetails(new WebAuthenticationDetails(http));
			user = (CurrentUser) signIn.authenticate(attempt).getPrincipal();
		}
		catch (SignInGuard.Throttled ex) {
			throw new TooManyAttempts(ex.retryAfterSeconds());
		}
		catch (AuthenticationException ex) {
			throw new DomainException(HttpStatus.UNAUTHORIZED, "people.error.bad-credentials");
		}
		secondStep(user, request.code(), http);
		return tokens.issue(user, request.name() == null ? "api" : request.name());
	}

	private void secondStep(CurrentUser user, @Nullable String code, HttpServletRequest http) {
		if (!factors.on(user.accountId())) {
			if (factors.required(user)) {
				throw DomainException.forbidden("people.error.enrol-second-factor-first");
			}
			return;
		}
		if (code == null || code.isBlank()) {
			throw new DomainException(HttpStatus.UNAUTHORIZED, "people.error.code-needed");
		}
		try {
			if (!factors.signIn(user, code, http.getRemoteAddr())) {
				throw new DomainException(HttpStatus.UNAUTHORIZED, "people.error.wrong-code");
			}
		}
		catch (SignInGuard.Throttled ex) {
			throw new TooManyAttempts(ex.retryAfterSeconds());
		}
	}

	/** 429 with Retry-After: the sign-in throttle refused the attempt before checking it. */
	static class TooManyAttempts extends DomainException {

		private final long retryAfterSeconds;

		TooManyAttempts(long retryAfterSeconds) {
			super(HttpStatus.TOO_MANY_REQUESTS, "people.error.too-many-attempts", retryAfterSeconds);
			this.retryAfterSeconds = retryAfterSeconds;
		}

	}

	@ExceptionHandler(TooManyAttempts.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyAttempts ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				messages.getMessage(ex.messageKey(), ex.args(), locale));
		problem.setProperty("code", ex.messageKey());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds))
			.body(problem);
	}

	@GetMapping("/api/v1/auth/tokens")
	@Operation(summary = "The caller's tokens, without their secrets")
	List<AccessToken> tokens(@AuthenticationPrincipal CurrentUser user) {
		return tokens.list(user);
	}

	@DeleteMapping("/api/v1/auth/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of the caller's tokens; it stops working at once")
	void revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		tokens.revoke(id, user);
	}

	@GetMapping("/api/v1/auth/me")
	@Operation(summary = "Who the token belongs to, with unit, roles and scope")
	Map<String, Object> me(@AuthenticationPrincipal CurrentUser user) {
		return Map.of("username", user.getUsername(), "displayName", user.displayName(), "unitId", user.unitId(),
				"unitPath", user.unitPath(), "roles", user.roles(), "scope", user.scope());
	}

	@GetMapping("/api/v1/accounts")
	@Operation(summary = "Accounts the caller may administer, 50 a page, filtered by username or name",
			description = "An account is listed when its unit lies in the caller's administered scope, the caller could "
					+ "grant every role it holds, and none of its roles reaches beyond that scope (docs/people.md).")
	List<Account> list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal CurrentUser admin) {
		return accounts.list(admin, q, page);
	}

	@GetMapping("/api/v1/accounts/{id}")
	@Operation(summary = "One account; 404 for any account the caller may not administer")
	Account get(@PathVariable long id, @AuthenticationPrincipal CurrentUser admin) {
		return accounts.get(id, admin);
	}

	@PostMapping("/api/v1/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open an account, without roles, in a unit of the caller's scope; without a password a one-time "
			+ "password is returned",
			description = "The system administrator only (403 otherwise); `roles` must be empty, since the security "
					+ "administrator grants them (403 people.error.roles-by-security-admin); a chosen password must "
					+ "not be guessable (400 people.error.guessable-password).")
	AccountManagement.Opened open(@Valid @RequestBody CreateAccount command, @AuthenticationPrincipal CurrentUser admin) {
		return accounts.open(command, admin);
	}

	/** The version the caller saw. */
	record Version(int version) {

	}

	/** The unit to move to and the version seen. */
	record Move(String unitCode, int version) {

	}

	/** The account's whole new set of roles and the version seen. */
	record Roles(@NotNull List<@Valid RoleGrant> roles, int version) {

	}

	@PostMapping("/api/v1/accounts/{id}/roles")
	@Operation(summary = "Replace the account's roles (the security administrator)",
			description = "Each role and scope kind must be one the caller could grant at the account's unit (403 "
					+ "people.error.role-not-grantable); a separate administrator's role is an account's only role "
					+ "(400 people.error.separate-duties); an empty list takes every role away.")
	Account roles(@PathVariable long id, @Valid @RequestBody Roles roles, @AuthenticationPrincipal CurrentUser admin) {
		return accounts.setRoles(id, roles.roles(), roles.version(), admin);
	}

	@PostMapping("/api/v1/accounts/{id}/move")
	@Operation(summary = "Move a person to another unit in the administrator's scope (e.g. a party member's transfer)")
	Account move(@PathVariable long id, @RequestBody Move move, @AuthenticationPrincipal CurrentUser admin) {
		return accounts.moveToUnit(id, move.unitCode(), move.version(), admin);
	}

	@PostMapping("/api/v1/accounts/{id}/unlock")
	@Operation(summary = "Lift a sign-in lock and forget the failures in a row")
	Account unlock(@PathVariable long id, @RequestBody Version version, @AuthenticationPrincipal CurrentUser admin) {
		return accounts.unlock(id, version.version(), admin);
	}

	@PostMapping("/api/v1/accounts/{id}/disable")
	@Operation(summary = "Disable an account; its tokens stop working")
	Account disable(@PathVariable long id, @RequestBody Version version, @AuthenticationPrincipal CurrentUser admin) {
		return accounts.setEnabled(id, false, version.version(), admin);
	}

	@PostMapping("/api/v1/accounts/{id}/enable")
	@Operation(summary = "Enable a disabled account")
	Account enable(@PathVariable long id, @RequestBody Version version, @AuthenticationPrincipal CurrentUser admin) {
		return accounts.setEnabled(id, true, version.version(), admin);
	}

	@PostMapping("/api/v1/accounts/{id}/reset-password")
	@Operation(summary = "Set a one-time password, returned once, to be changed at the next sign-in; the account's tokens "
			+ "are revoked and its page sessions end")
	Map<String, String> reset(@PathVariable long id, @RequestBody Version version,
			@AuthenticationPrincipal CurrentUser admin) {
		return Map.of("oneTimePassword", accounts.resetPassword(id, version.version(), admin));
	}

	@PostMapping("/api/v1/accounts/{id}/reset-second-factor")
	@Operation(summary = "Clear the account's second factor (a lost phone); the person enrols again where a role "
			+ "requires it. The account's tokens are revoked and its page sessions end")
	Account resetSecondFactor(@PathVariable long id, @RequestBody Version version,
			@AuthenticationPrincipal CurrentUser admin) {
		return accounts.resetSecondFactor(id, version.version(), admin);
	}

}
