package org.grassroots.lifeevents;

import static org.grassroots.lifeevents.ConsentState.NOTICE;
import static org.grassroots.lifeevents.ConsentState.REGISTERING;
import static org.grassroots.lifeevents.ConsentState.VOTING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Role;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The permission table of owners' consents: which party may take which action in which state.
 * docs/lifeevents-consent.md shows the same table, and a test keeps the two equal.
 */
public final class ConsentRules {

	/** Who acts. */
	public enum Party {

		/** The community office: a unit administrator or caseworker whose scope covers the community. */
		OFFICE,
		/** An owner through their personal link. */
		OWNER,
		/** Anyone, on the public notice page. */
		PUBLIC,
		/** The hourly notice job. */
		SYSTEM

	}

	/** One row of the table. */
	public record Permission(Set<ConsentState> states, Set<Party> parties) {

	}

	public static final Map<ConsentAction, Permission> TABLE = table();

	private ConsentRules() {
	}

	private static Map<ConsentAction, Permission> table() {
		Map<ConsentAction, Permission> table = new EnumMap<>(ConsentAction.class);
		table.put(ConsentAction.OPEN, rule(EnumSet.of(REGISTERING), Party.SYSTEM));
		table.put(ConsentAction.ADD_OWNER, rule(EnumSet.of(REGISTERING), Party.OFFICE));
		table.put(ConsentAction.EDIT_OWNER, rule(EnumSet.of(REGISTERING), Party.OFFICE));
		table.put(ConsentAction.REMOVE_OWNER, rule(EnumSet.of(REGISTERING), Party.OFFICE));
		table.put(ConsentAction.OPEN_VOTE, rule(EnumSet.of(REGISTERING), Party.OFFICE));
		table.put(ConsentAction.REISSUE_LINK, rule(EnumSet.of(VOTING), Party.OFFICE));
		table.put(ConsentAction.VOTE, rule(EnumSet.of(VOTING), Party.OWNER));
		table.put(ConsentAction.RECORD_VOTE, rule(EnumSet.of(VOTING), Party.OFFICE));
		table.put(ConsentAction.CLOSE, rule(EnumSet.of(VOTING), Party.OFFICE));
		table.put(ConsentAction.OBJECT, rule(EnumSet.of(NOTICE), Party.PUBLIC));
		table.put(ConsentAction.RECORD_OBJECTION, rule(EnumSet.of(NOTICE), Party.OFFICE));
		table.put(ConsentAction.CONFIRM, rule(EnumSet.of(NOTICE), Party.OFFICE, Party.SYSTEM));
		table.put(ConsentAction.REFUSE, rule(EnumSet.of(NOTICE), Party.OFFICE));
		return table;
	}

	private static Permission rule(Set<ConsentState> states, Party... parties) {
		return new Permission(Set.copyOf(states), Set.of(parties));
	}

	/** Whether the person is a community office for consents at all (scope is checked in the query). */
	public static boolean office(CurrentUser user) {
		return user.has(Role.UNIT_ADMIN) || user.has(Role.CASEWORKER);
	}

	public static boolean allows(ConsentAction action, ConsentState state, Party party) {
		Permission permission = TABLE.get(action);
		return permission != null && permission.states().contains(state) && permission.parties().contains(party);
	}

	/**
	 * @throws DomainException 403 when the party may not take the action at all, 409 with the
	 * reason when the state does not allow it
	 */
	public static void check(ConsentAction action, ConsentState state, Party party) {
		Permission permission = TABLE.get(action);
		if (permission == null || !permission.parties().contains(party)) {
			throw DomainException.forbidden("le.consent.error.not-office");
		}
		if (!permission.states().contains(state)) {
			throw DomainException.conflict("le.consent.error.illegal-transition", label("le.consent.action.", action),
					label("le.consent.state.", state));
		}
	}

	/** The office's check: its role first (403), then the state (409). */
	public static void checkOffice(ConsentAction action, ConsentState state, CurrentUser user) {
		if (!office(user)) {
			throw DomainException.forbidden("le.consent.error.not-office");
		}
		check(action, state, Party.OFFICE);
	}

	static Object label(String prefix, Enum<?> value) {
		return new DefaultMessageSourceResolvable(new String[] { prefix + value.name() }, value.name());
	}

}
