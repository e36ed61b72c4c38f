package org.grassroots.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.people.internal.AccountRepository;
import org.grassroots.people.internal.TokenRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.shared.ScopeKind;
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
 * Accounts within a unit administrator's scope: open, list, disable, unlock, reset a password;
 * and a person's own password change.
 */
@Service
public class AccountManagement {

	/** Long passwords beat composition rules; the one-time passwords are 16 characters. */
	public static final int MIN_PASSWORD_LENGTH = 12;

	private static final Set<Role> GRANTABLE_BY_UNIT_ADMIN = EnumSet.of(Role.UNIT_ADMIN, Role.LEADING_CADRE,
			Role.CASEWORKER, Role.PARTY_MEMBER, Role.RESIDENT);

	/** A unit administrator cannot hand out more than their own subtree. */
	private static final Set<ScopeKind> SCOPES_GRANTABLE_BY_UNIT_ADMIN = EnumSet.of(ScopeKind.UNIT_AND_BELOW,
			ScopeKind.UNIT, ScopeKind.SELF);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final AccountRepository accounts;

	private final UnitManagement units;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final InputCheck input;

	private final TokenRepository tokens;

	AccountManagement(AccountRepository accounts, UnitManagement units, PasswordEncoder passwords,
			ApplicationEventPublisher events, Clock clock, InputCheck input, TokenRepository tokens) {
		this.input = input;
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

	@Transactional(readOnly = true)
	public Account get(long id, CurrentUser viewer) {
		return accounts.find(id, viewScope(viewer)).orElseThrow(() -> new NotFoundException("account", id));
	}

	@Transactional(readOnly = true)
	public List<Account> list(CurrentUser viewer, String text, int page) {
		return accounts.list(viewScope(viewer), text, Math.max(page, 0) * 50, 50);
	}

	@Transactional
	public Opened open(CreateAccount command, CurrentUser admin) {
		input.check(command);
		DataScope writable = writableScope(admin);
		Unit unit;
		try {
			unit = units.getByCode(command.unitCode().trim(), writable);
		}
		catch (NotFoundException ex) {
			throw DomainException.invalid("people.error.unknown-unit", command.unitCode());
		}
		for (RoleGrant grant : command.roles()) {
			if (!admin.has(Role.CITY_ADMIN) && (!GRANTABLE_BY_UNIT_ADMIN.contains(grant.role())
					|| !SCOPES_GRANTABLE_BY_UNIT_ADMIN.contains(grant.scope()))) {
				throw DomainException.forbidden("people.error.role-not-grantable", grant.role());
			}
		}
		return open(command, unit, writable, false);
	}

	/** Opens an account without a person's scope: first start and demo data only. */
	@Transactional
	public Opened openAsSystem(CreateAccount command, boolean demo) {
		return open(command, units.getByCode(command.unitCode(), DataScope.CITY), DataScope.CITY, demo);
	}

	@Transactional
	public Account setEnabled(long id, boolean enabled, int version, CurrentUser admin) {
		Account before = changeable(id, admin);
		if (before.id() == admin.accountId()) {
			throw DomainException.conflict("people.error.not-yourself");
		}
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
		Account before = changeable(id, admin);
		Unit unit;
		try {
			unit = units.getByCode(unitCode.trim(), writableScope(admin));
		}
		catch (NotFoundException ex) {
			throw DomainException.invalid("people.error.unknown-unit", unitCode);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("unitId", unit.id());
		values.put("unitPath", unit.path());
		return change(before, version, "ACCOUNT_MOVED", "unit_id = :unitId, unit_path = :unitPath", values);
	}

	@Transactional
	public Account unlock(long id, int version, CurrentUser admin) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("until", null);
		return change(changeable(id, admin), version, "ACCOUNT_UNLOCKED", "locked_until = :until, failed_attempts = 0",
				values);
	}

	/**
	 * Sets a new one-time password, returned once, to be changed at the next sign-in; the account's
	 * tokens are revoked, since a reset means the old credentials are not to be trusted.
	 */
	@Transactional
	public String resetPassword(long id, int version, CurrentUser admin) {
		String oneTime = oneTimePassword();
		tokens.revokeAll(id, clock.instant());
		change(changeable(id, admin), version, "PASSWORD_RESET", "password_hash = :hash, must_change_password = true",
				Map.of("hash", passwords.encode(oneTime)));
		return oneTime;
	}

	@Transactional
	public void changeOwnPassword(CurrentUser user, String current, String next) {
		AccountRepository.Row row = accounts.findById(user.accountId()).orElseThrow();
		if (!passwords.matches(current, row.passwordHash())) {
			throw DomainException.invalid("people.error.wrong-password");
		}
		checkStrength(next);
		if (passwords.matches(next, row.passwordHash())) {
			throw DomainException.invalid("people.error.same-password");
		}
		change(row.account(), row.account().version(), "PASSWORD_CHANGED",
				"password_hash = :hash, must_change_password = false", Map.of("hash", passwords.encode(next)));
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

	public static void checkStrength(String password) {
		if (password.length() < MIN_PASSWORD_LENGTH || password.isBlank()) {
			throw DomainException.invalid("people.error.weak-password", MIN_PASSWORD_LENGTH);
		}
	}

	private Opened open(CreateAccount command, Unit unit, DataScope writable, boolean demo) {
		if (accounts.findByUsername(command.username()).isPresent()) {
			throw DomainException.conflict("people.error.username-taken", command.username());
		}
		String oneTime = command.password() == null ? oneTimePassword() : null;
		if (command.password() != null) {
			checkStrength(command.password());
		}
		long id = accounts.insert(command.username(), command.displayName().trim(),
				passwords.encode(oneTime != null ? oneTime : command.password()), unit.id(), unit.path(), command.phone(),
				oneTime != null, demo, clock.instant());
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

	private Account changeable(long id, CurrentUser admin) {
		return accounts.find(id, writableScope(admin)).orElseThrow(() -> new NotFoundException("account", id));
	}

	private Account change(Account before, int version, String kind, String assignments, Map<String, ?> values) {
		if (!accounts.update(before.id(), version, assignments, values)) {
			throw DomainException.staleVersion();
		}
		Account after = accounts.findById(before.id()).orElseThrow().account();
		events.publishEvent(new AccountChanged(kind, before, after));
		return after;
	}

	private static DataScope viewScope(CurrentUser viewer) {
		return viewer.isStaff() ? viewer.scope() : DataScope.NONE;
	}

	private static DataScope writableScope(CurrentUser user) {
		return user.administeredScope();
	}

	private String oneTimePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
