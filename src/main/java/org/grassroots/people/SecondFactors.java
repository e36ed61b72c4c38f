package org.grassroots.people;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.grassroots.people.internal.AccountRepository;
import org.grassroots.people.internal.OneTimeCodes;
import org.grassroots.people.internal.SecondFactorRepository;
import org.grassroots.people.internal.SignInGuard;
import org.grassroots.people.internal.SignInAttempts;
import org.grassroots.people.internal.SignInThrottle;
import org.grassroots.shared.CryptoSuite;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's second factor: enrolling an authenticator app (a secret shown as a QR code,
 * confirmed with its first code, then ten recovery codes shown once), turning it off, and checking
 * a code at sign-in. Required for the roles in {@code grassroots.second-factor.required-roles},
 * optional for everyone else; demo accounts, whose password is published, are never asked.
 */
@Service
public class SecondFactors {

	/** What the person needs to enrol: the secret to type and the URI the QR code holds. */
	public record Enrolment(String secret, String uri) {

	}

	/** How a code was accepted: the authenticator's code or a recovery code. */
	public enum Channel {

		CODE, RECOVERY

	}


	private final AccountRepository accounts;

	private final SecondFactorRepository factors;

	private final OneTimeCodes codes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Set<Role> requiredRoles;

	private final SignInThrottle throttle;

	private final SignInAttempts attempts;

	private final CryptoSuite suite;

	SecondFactors(AccountRepository accounts, SecondFactorRepository factors, OneTimeCodes codes,
			ApplicationEventPublisher events, Clock clock,
			@Value("${grassroots.second-factor.required-roles:}") List<Role> requiredRoles, SignInThrottle throttle,
			SignInAttempts attempts, CryptoSuite suite) {
		this.suite = suite;
		this.accounts = accounts;
		this.throttle = throttle;
		this.attempts = attempts;
		this.factors = factors;
		this.codes = codes;
		this.events = events;
		this.clock = clock;
		this.requiredRoles = requiredRoles.isEmpty() ? Set.of() : EnumSet.copyOf(requiredRoles);
	}

	/** Whether this person may not work without a second factor. */
	@Transactional(readOnly = true)
	public boolean required(CurrentUser user) {
		return user.roles().stream().anyMatch(requiredRoles::contains)
				&& accounts.findById(user.accountId()).map(row -> !row.account().demo()).orElse(true);
	}

	@Transactional(readOnly = true)
	public boolean on(long accountId) {
		return factors.on(accountId);
	}

	@Transactional(readOnly = true)
	public int recoveryCodesLeft(CurrentUser user) {
		return factors.recoveryCodesLeft(user.accountId());
	}

	/** A new secret to enrol, replacing any not yet confirmed; refused while one is on. */
	@Transactional
	public Enrolment begin(CurrentUser user) {
		if (on(user.accountId())) {
			throw DomainException.conflict("people.error.second-factor-on");
		}
		String secret = codes.newSecret();
		factors.setPending(user.accountId(), secret);
		return enrolment(user, secret);
	}

	/** The enrolment begun and not yet confirmed, to show again after a wrong code. */
	@Transactional(readOnly = true)
	public Optional<Enrolment> pending(CurrentUser user) {
		return factors.pending(user.accountId()).map(secret -> enrolment(user, secret));
	}

	/** Turns the second factor on with the app's first code; answers the recovery codes, shown once. */
	@Transactional
	public List<String> confirm(CurrentUser user, String code) {
		String secret = factors.pending(user.accountId())
			.orElseThrow(() -> DomainException.invalid("people.error.second-factor-not-begun"));
		var step = codes.matchingStep(secret, code, clock.instant());
		if (step.isEmpty()) {
			throw DomainException.invalid("people.error.wrong-code");
		}
		Account before = account(user);
		change(before, "SECOND_FACTOR_ON", "totp_secret_cipher = totp_pending_cipher, totp_pending_cipher = null, "
				+ "totp_last_step = :step", Map.of("step", step.getAsLong()));
		List<String> recovery = codes.newRecoveryCodes();
		factors.replaceRecoveryCodes(user.accountId(), recovery.stream().map(one -> OneTimeCodes.recoveryHash(suite, one)).toList());
		return recovery;
	}

	/** Turns it off with a current code, where no role of the person requires it. */
	@Transactional
	public void turnOff(CurrentUser user, String code) {
		if (required(user)) {
			throw DomainException.forbidden("people.error.second-factor-required");
		}
		if (check(user.accountId(), code).isEmpty()) {
			throw DomainException.invalid("people.error.wrong-code");
		}
		change(account(user), "SECOND_FACTOR_OFF", "totp_secret_cipher = null, totp_pending_cipher = null", Map.of());
		factors.deleteRecoveryCodes(user.accountId());
	}

	/**
	 * The second step of a sign-in, on the page or for a token: throttled, counted and audited
	 * (channel {@code CODE} or {@code RECOVERY}) exactly like a password. No transaction of its own:
	 * taking the code is one statement, and the audit records commit on their own, as for passwords.
	 *
	 * @return whether the code was right
	 * @throws SignInGuard.Throttled when too many wrong codes or passwords came first
	 */
	public boolean signIn(CurrentUser user, String code, String address) {
		String username = user.getUsername();
		var refusal = throttle.check(username, address);
		if (refusal.isPresent()) {
			attempts.throttled(username, Channel.CODE.name(), refusal.get());
			throw new SignInGuard.Throttled(refusal.get());
		}
		Optional<Channel> channel = check(user.accountId(), code);
		if (channel.isEmpty()) {
			throttle.failed(username, address);
			attempts.failed(username, Channel.CODE.name());
			return false;
		}
		attempts.succeeded(username, channel.get().name());
		return true;
	}

	/** The authenticator's code of now (once), or an unused recovery code. */
	private Optional<Channel> check(long accountId, String code) {
		Optional<String> secret = factors.secret(accountId);
		if (secret.isEmpty() || code.isBlank()) {
			return Optional.empty();
		}
		var step = codes.matchingStep(secret.get(), code, clock.instant());
		if (step.isPresent()) {
			return factors.useStep(accountId, step.getAsLong()) ? Optional.of(Channel.CODE) : Optional.empty();
		}
		return factors.useRecoveryCode(accountId, OneTimeCodes.recoveryLookups(suite, code), clock.instant())
				? Optional.of(Channel.RECOVERY) : Optional.empty();
	}

	private Enrolment enrolment(CurrentUser user, String secret) {
		return new Enrolment(secret, codes.uri("Grassroots", user.getUsername(), secret));
	}

	private Account account(CurrentUser user) {
		return accounts.findById(user.accountId()).orElseThrow().account();
	}

	private void change(Account before, String kind, String assignments, Map<String, ?> values) {
		if (!accounts.update(before.id(), before.version(), assignments, values)) {
			throw DomainException.staleVersion();
		}
		events.publishEvent(new AccountChanged(kind, before, accounts.findById(before.id()).orElseThrow().account()));
	}

}
