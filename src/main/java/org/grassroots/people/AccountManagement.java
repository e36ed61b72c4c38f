package org.grassroots.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.people.internal.AccountRepository;
import org.grassroots.people.internal.AdministeredAccounts;
import org.grassroots.people.internal.PasswordHistory;
import org.grassroots.people.internal.PasswordPolicy;
import org.grassroots.people.internal.SecondFactorRepository;
import org.grassroots.people.internal.SignInThrottle;
import org.grassroots.people.internal.TokenRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.shared.ScopeKind;
import org.grassroots.shared.Times;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.grassroots.units.UnitMoved;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts a system or security administrator may administer (AdministeredAccounts), split
 * between them (docs/people.md, "Three separate administrators"): the system administrator
 * opens, moves, disables and enables accounts and resets passwords; the security administrator
 * grants roles, lifts locks and resets second factors, and alone administers the accounts of the
 * separate administrators. Nobody administers their own account. And a person's own password change.
 */
@Service
public class AccountManagement {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final AccountRepository accounts;

	private final UnitManagement units;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final InputCheck input;

	private final TokenRepository tokens;

	private final PasswordPolicy passwordPolicy;

	private final SignInThrottle throttle;

	private final PasswordHistory history;

	private final SecondFactorRepository factors;

	AccountManagement(AccountRepository accounts, UnitManagement units, PasswordEncoder passwords,
			ApplicationEventPublisher events, Clock clock, InputCheck input, TokenRepository tokens,
			PasswordPolicy passwordPolicy, SignInThrottle throttle, PasswordHistory history,
			SecondFactorRepository factors) {
		this.input = input;
		this.history = history;
		this.factors = factors;
		this.throttle = throttle;
		this.passwordPolicy = passwordPolicy;
		this.tokens = tokens;
		this.accounts = accounts;
		this.units = units;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	/** A new account and, when none was given, the one-time password to hand over. */
	public record Opened(Account account, @Nullable String oneTimePassword) {

	}

	/** Which of the separate administrators a command needs. */
	private enum Duty {
		READ, SYSTEM, SECURITY
	}

	/** One account the administrator may administer; any other answers 404. */
	@Transactional(readOnly = true)
	public Account get(long id, CurrentUser admin) {
		return changeable(id, admin, Duty.READ);
	}

	/** The accounts the administrator may administer, 50 a page. */
	@Transactional(readOnly = true)
	public List<Account> list(CurrentUser admin, String text, int page) {
		return accounts.list(new AdministeredAccounts(admin).condition(), text, Math.max(page, 0) * 50, 50);
	}

	@Transactional
	public Opened open(CreateAccount command, CurrentUser admin) {
		input.check(command);
		AdministeredAccounts reach = new AdministeredAccounts(admin);
		if (!admin.has(Role.SYSTEM_ADMIN)) {
			throw DomainException.forbidden("people.error.system-admin-only");
		}
		if (!command.roles().isEmpty()) {
			throw DomainException.forbidden("people.error.roles-by-security-admin");
		}
		return open(command, unitIn(command.unitCode(), reach.scope()), reach.scope(), false);
	}

	/**
	 * A party member of the campaign's roster, opened by import by a campaign administrator in the
	 * subtree they administer: the one account opening left to the campaign, since the account
	 * holds only {@code PARTY_MEMBER} (scope SELF), which reaches no one else's data.
	 */
	@Transactional
	public Opened openPartyMember(String username, String displayName, String unitCode, @Nullable String phone,
			CurrentUser admin) {
		CreateAccount command = new CreateAccount(username, displayName, unitCode,
				List.of(RoleGrant.of(Role.PARTY_MEMBER)), phone, null);
		input.check(command);
		DataScope administered = admin.administeredScope();
		return open(command, unitIn(unitCode, administered), administered, false);
	}

	/**
	 * Replaces the account's roles with these, as one change of the account: each must be one the
	 * security administrator's reach could grant at the account's unit, and a separate
	 * administrator's role is the account's only one.
	 */
	@Transactional
	public Account setRoles(long id, List<RoleGrant> grants, int version, CurrentUser admin) {
		Account before = changeable(id, admin, Duty.SECURITY);
		AdministeredAccounts reach = new AdministeredAccounts(admin);
		checkCombination(grants);
		for (RoleGrant grant : grants) {
			if (!reach.mayGrant(grant, before.unitPath())) {
				throw DomainException.forbidden("people.error.role-not-grantable", grant.role());
			}
		}
		// the roles live in their own table: the account row only counts the change (its version)
		if (!accounts.update(id, version, "failed_attempts = failed_attempts", Map.of())) {
			throw DomainException.staleVersion();
		}
		accounts.revokeAll(id);
		for (RoleGrant grant : grants) {
			accounts.grant(id, grant.role(), grant.scope(), assignedUnits(grant, reach.scope()));
		}
		Account after = accounts.findById(id).orElseThrow().account();
		events.publishEvent(new AccountChanged("ROLES_CHANGED", before, after));
		return after;
	}

	/** No role twice, and a separate administrator's role alone (三员分立). */
	static void checkCombination(List<RoleGrant> grants) {
		if (grants.stream().map(RoleGrant::role).distinct().count() < grants.size()) {
			throw DomainException.invalid("people.error.role-twice");
		}
		if (grants.size() > 1 && grants.stream().anyMatch(grant -> grant.role().isSeparateDuty())) {
			throw DomainException.invalid("people.error.separate-duties");
		}
	}

	/** Opens an account without a person's scope: first start and demo data only. */
	@Transactional
	public Opened openAsSystem(CreateAccount command, boolean demo) {
		checkCombination(command.roles());
		return open(command, units.getByCode(command.unitCode(), DataScope.CITY), DataScope.CITY, demo);
	}

	@Transactional
	public Account setEnabled(long id, boolean enabled, int version, CurrentUser admin) {
		Account before = changeable(id, admin, Duty.SYSTEM);
		return change(before, version, enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "enabled = :enabled",
				Map.of("enabled", enabled));
	}

	/** Whether a username is taken, for imports that check every line before opening any account. */
	@Transactional(readOnly = true)
	public boolean usernameExists(String username) {
		return accounts.findByUsername(username.trim()).isPresent();
	}

	/** Moves a person to another unit in the administrator's scope, as when a party member transfers. */
	@Transactional
	public Account moveToUnit(long id, String unitCode, int version, CurrentUser admin) {
		Account before = changeable(id, admin, Duty.SYSTEM);
		AdministeredAccounts reach = new AdministeredAccounts(admin);
		Unit unit = unitIn(unitCode, reach.scope());
		if (!reach.mayGrantAll(before.roles(), unit.path())) {
			throw DomainException.invalid("people.error.unknown-unit", unitCode);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("unitId", unit.id());
		values.put("unitPath", unit.path());
		return change(before, version, "ACCOUNT_MOVED", "unit_id = :unitId, unit_path = :unitPath", values);
	}

	/** Lifts the lock and forgets the failures, in the database and in this node's throttle. */
	@Transactional
	public Account unlock(long id, int version, CurrentUser admin) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("until", null);
		Account after = change(changeable(id, admin, Duty.SECURITY), version, "ACCOUNT_UNLOCKED",
				"locked_until = :until, failed_attempts = 0", values);
		throttle.forget(after.username());
		return after;
	}

	/**
	 * Sets a new one-time password, returned once, to be changed at the next sign-in; the account's
	 * tokens are revoked and its page sessions end, since a reset means the old credentials are not
	 * to be trusted.
	 */
	@Transactional
	public String resetPassword(long id, int version, CurrentUser admin) {
		Account before = changeable(id, admin, Duty.SYSTEM);
		String oneTime = oneTimePassword();
		tokens.revokeAll(id, clock.instant());
		change(before, version, "PASSWORD_RESET",
				"password_hash = :hash, must_change_password = true, credentials_changed_at = :now",
				Map.of("hash", passwords.encode(oneTime), "now", Times.utc(clock.instant())));
		return oneTime;
	}

	/**
	 * Clears a lost or compromised second factor, so the person enrols again at the next sign-in
	 * where a role requires it; as with a password reset, the account's tokens are revoked and its
	 * page sessions end.
	 */
	@Transactional
	public Account resetSecondFactor(long id, int version, CurrentUser admin) {
		Account before = changeable(id, admin, Duty.SECURITY);
		tokens.revokeAll(id, clock.instant());
		factors.deleteRecoveryCodes(id);
		return change(before, version, "SECOND_FACTOR_RESET",
				"totp_secret_cipher = null, totp_pending_cipher = null, credentials_changed_at = :now",
				Map.of("now", Times.utc(clock.instant())));
	}

	/** A new password of one's own ends every session and revokes every token of the account. */
	@Transactional
	public void changeOwnPassword(CurrentUser user, String current, String next) {
		AccountRepository.Row row = accounts.findById(user.accountId()).orElseThrow();
		if (!passwords.matches(current, row.passwordHash())) {
			throw DomainException.invalid("people.error.wrong-password");
		}
		passwordPolicy.check(next, row.account().username());
		if (passwords.matches(next, row.passwordHash())) {
			throw DomainException.invalid("people.error.same-password");
		}
		history.refuseReuse(user.accountId(), next);
		tokens.revokeAll(user.accountId(), clock.instant());
		String hash = passwords.encode(next);
		change(row.account(), row.account().version(), "PASSWORD_CHANGED",
				"password_hash = :hash, must_change_password = false, credentials_changed_at = :now, password_set_at = :now",
				Map.of("hash", hash, "now", Times.utc(clock.instant())));
		history.record(user.accountId(), hash, clock.instant());
	}

	/** Whether the person must change a password they chose because it is older than allowed. */
	@Transactional(readOnly = true)
	public boolean passwordExpired(CurrentUser user) {
		return accounts.findById(user.accountId())
			.filter(row -> !row.account().mustChangePassword())
			.map(row -> history.expired(row.passwordSetAt(), clock.instant()))
			.orElse(false);
	}

	/** Whether any account holds the role, as the separate administrators are opened at start. */
	@Transactional(readOnly = true)
	public boolean anyHolding(Role role) {
		return accounts.countHolding(role) > 0;
	}

	@Transactional(readOnly = true)
	public boolean anyAccount() {
		return accounts.count() > 0;
	}

	/** Keeps the copied unit paths true when a subtree moves, in the move's transaction. */
	@EventListener
	void on(UnitMoved moved) {
		accounts.rewriteUnitPaths(moved.before().path(), moved.after().path());
	}

	private Opened open(CreateAccount command, Unit unit, DataScope writable, boolean demo) {
		if (accounts.findByUsername(command.username()).isPresent()) {
			throw DomainException.conflict("people.error.username-taken", command.username());
		}
		String oneTime = command.password() == null ? oneTimePassword() : null;
		if (command.password() != null) {
			passwordPolicy.check(command.password(), command.username());
		}
		String hash = passwords.encode(oneTime != null ? oneTime : command.password());
		long id = accounts.insert(command.username(), command.displayName().trim(), hash, unit.id(), unit.path(),
				command.phone(), oneTime != null, demo, clock.instant());
		if (oneTime == null) {
			history.record(id, hash, clock.instant());
		}
		for (RoleGrant grant : command.roles()) {
			accounts.grant(id, grant.role(), grant.scope(), assignedUnits(grant, writable));
		}
		Account account = accounts.findById(id).orElseThrow().account();
		events.publishEvent(new AccountCreated(account));
		return new Opened(account, oneTime);
	}

	private Map<Long, String> assignedUnits(RoleGrant grant, DataScope writable) {
		if (grant.scope() != ScopeKind.ASSIGNED) {
			return Map.of();
		}
		if (grant.assignedUnitCodes().isEmpty()) {
			throw DomainException.invalid("people.error.assigned-needs-units");
		}
		Map<Long, String> result = new LinkedHashMap<>();
		for (String code : grant.assignedUnitCodes()) {
			try {
				result.put(units.getByCode(code, writable).id(), code);
			}
			catch (NotFoundException ex) {
				throw DomainException.invalid("people.error.unknown-unit", code);
			}
		}
		return result;
	}

	/**
	 * The account if it is within the administrator's reach (else 404) and the command is theirs:
	 * the security administrator's, or the system administrator's unless the account holds a
	 * separate administrator's role (else 403); never their own account (409).
	 */
	private Account changeable(long id, CurrentUser admin, Duty duty) {
		Account account = accounts.find(id, new AdministeredAccounts(admin).condition())
			.orElseThrow(() -> new NotFoundException("account", id));
		if (duty == Duty.READ) {
			return account;
		}
		boolean security = duty == Duty.SECURITY
				|| account.roles().stream().anyMatch(grant -> grant.role().isSeparateDuty());
		if (!admin.has(security ? Role.SECURITY_ADMIN : Role.SYSTEM_ADMIN)) {
			throw DomainException.forbidden(security ? "people.error.security-admin-only" : "people.error.system-admin-only");
		}
		if (account.id() == admin.accountId()) {
			throw DomainException.conflict("people.error.not-yourself");
		}
		return account;
	}

	private Unit unitIn(String code, DataScope scope) {
		try {
			return units.getByCode(code.trim(), scope);
		}
		catch (NotFoundException ex) {
			throw DomainException.invalid("people.error.unknown-unit", code);
		}
	}

	private Account change(Account before, int version, String kind, String assignments, Map<String, ?> values) {
		if (!accounts.update(before.id(), version, assignments, values)) {
			throw DomainException.staleVersion();
		}
		Account after = accounts.findById(before.id()).orElseThrow().account();
		events.publishEvent(new AccountChanged(kind, before, after));
		return after;
	}

	private String oneTimePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
