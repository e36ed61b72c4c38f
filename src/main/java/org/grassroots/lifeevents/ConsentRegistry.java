package org.grassroots.lifeevents;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.lifeevents.internal.consent.ConsentJournal;
import org.grassroots.lifeevents.internal.consent.ConsentLinks;
import org.grassroots.lifeevents.internal.consent.ConsentRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.PhoneNumbers;
import org.grassroots.shared.PlainText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering a building's owners: the community office adds, edits and removes owners while the
 * consent is REGISTERING, then opens the vote, which issues every owner a personal link; a link
 * can be issued again, and the old one stops working.
 */
@Service
public class ConsentRegistry {

	private final ConsentRepository consents;

	private final ConsentLinks links;

	private final ConsentJournal journal;

	private final FieldCipher cipher;

	private final InputCheck input;

	private final Clock clock;

	ConsentRegistry(ConsentRepository consents, ConsentLinks links, ConsentJournal journal, FieldCipher cipher,
			InputCheck input, Clock clock) {
		this.consents = consents;
		this.links = links;
		this.journal = journal;
		this.cipher = cipher;
		this.input = input;
		this.clock = clock;
	}

	/** A personal link as issued: shown to the office once, then kept only as a hash. */
	public record Link(long ownerId, String flat, String ownerName, String path) {

	}

	/** The consent after links were issued, with the links. */
	public record Issued(Consent consent, List<Link> links) {

	}

	@Transactional
	public ConsentOwner addOwner(long consentId, ConsentCommands.Owner command, CurrentUser user) {
		input.check(command);
		Consent consent = locked(consentId, user);
		ConsentRules.checkOffice(ConsentAction.ADD_OWNER, consent.state(), user);
		var fields = fields(command.ownerName(), command.flat(), command.floorArea(), command.affected(), command.phone());
		if (consents.flatTaken(consentId, fields.flat(), 0)) {
			throw DomainException.invalid("le.consent.error.flat-taken", fields.flat());
		}
		long id = consents.insertOwner(consentId, fields, clock.instant());
		ConsentOwner owner = consents.owner(consentId, id).orElseThrow();
		journal.changed(ConsentAction.ADD_OWNER, consent, null, owner);
		return owner;
	}

	@Transactional
	public ConsentOwner editOwner(long consentId, long ownerId, ConsentCommands.EditOwner command, CurrentUser user) {
		input.check(command);
		Consent consent = locked(consentId, user);
		ConsentRules.checkOffice(ConsentAction.EDIT_OWNER, consent.state(), user);
		ConsentOwner before = owner(consentId, ownerId);
		var fields = fields(command.ownerName(), command.flat(), command.floorArea(), command.affected(), command.phone());
		if (consents.flatTaken(consentId, fields.flat(), ownerId)) {
			throw DomainException.invalid("le.consent.error.flat-taken", fields.flat());
		}
		if (!consents.editOwner(ownerId, command.version(), fields, clock.instant())) {
			throw DomainException.staleVersion();
		}
		ConsentOwner after = consents.owner(consentId, ownerId).orElseThrow();
		journal.changed(ConsentAction.EDIT_OWNER, consent, before, after);
		return after;
	}

	@Transactional
	public void removeOwner(long consentId, long ownerId, ConsentCommands.Step command, CurrentUser user) {
		Consent consent = locked(consentId, user);
		ConsentRules.checkOffice(ConsentAction.REMOVE_OWNER, consent.state(), user);
		ConsentOwner before = owner(consentId, ownerId);
		if (!consents.removeOwner(ownerId, command.version())) {
			throw DomainException.staleVersion();
		}
		journal.changed(ConsentAction.REMOVE_OWNER, consent, before, null);
	}

	/** Opens the vote: at least one owner is needed; every owner gets a personal link. */
	@Transactional
	public Issued openVote(long consentId, ConsentCommands.Step command, CurrentUser user) {
		Consent before = locked(consentId, user);
		ConsentRules.checkOffice(ConsentAction.OPEN_VOTE, before.state(), user);
		List<ConsentOwner> owners = consents.owners(consentId);
		if (owners.isEmpty()) {
			throw DomainException.invalid("le.consent.error.no-owners");
		}
		Instant now = clock.instant();
		Map<String, @Nullable Object> changes = new HashMap<>();
		changes.put("state", ConsentState.VOTING);
		changes.put("vote_opened_at", now);
		if (!consents.move(consentId, command.version(), changes, now)) {
			throw DomainException.staleVersion();
		}
		Consent after = consents.find(consentId).orElseThrow();
		journal.changed(ConsentAction.OPEN_VOTE, after, before, after);
		return new Issued(after, issue(after, owners, now));
	}

	/** A new link for one owner who has not voted; the old link stops working. */
	@Transactional
	public Issued reissueLink(long consentId, long ownerId, ConsentCommands.Step command, CurrentUser user) {
		Consent consent = locked(consentId, user);
		ConsentRules.checkOffice(ConsentAction.REISSUE_LINK, consent.state(), user);
		ConsentOwner owner = owner(consentId, ownerId);
		if (owner.vote() != null) {
			throw DomainException.conflict("le.consent.error.already-voted", owner.flat());
		}
		if (owner.version() != command.version()) {
			throw DomainException.staleVersion();
		}
		return new Issued(consent, issue(consent, List.of(owner), clock.instant()));
	}

	/** New links for every owner who has not voted yet, to print the sheet again; the old links stop working. */
	@Transactional
	public Issued reissueAll(long consentId, ConsentCommands.Step command, CurrentUser user) {
		Consent consent = locked(consentId, user);
		ConsentRules.checkOffice(ConsentAction.REISSUE_LINK, consent.state(), user);
		if (consent.version() != command.version()) {
			throw DomainException.staleVersion();
		}
		List<ConsentOwner> waiting = consents.owners(consentId).stream().filter(owner -> owner.vote() == null).toList();
		return new Issued(consent, issue(consent, waiting, clock.instant()));
	}

	private List<Link> issue(Consent consent, List<ConsentOwner> owners, Instant now) {
		List<Link> issued = new ArrayList<>();
		for (ConsentOwner owner : owners) {
			String token = links.newToken();
			consents.setToken(owner.id(), links.stored(token), now);
			ConsentOwner after = consents.owner(consent.id(), owner.id()).orElseThrow();
			journal.changed(ConsentAction.REISSUE_LINK, consent, owner, after);
			issued.add(new Link(owner.id(), owner.flat(), owner.name(), ConsentLinks.path(token)));
		}
		return issued;
	}

	/** The consent in the person's scope, locked for the command; 404 outside it. */
	private Consent locked(long consentId, CurrentUser user) {
		if (!user.isStaff() || consents.find(consentId, user.scope()).isEmpty()) {
			throw new NotFoundException("consent", consentId);
		}
		return consents.lock(consentId).orElseThrow();
	}

	private ConsentOwner owner(long consentId, long ownerId) {
		return consents.owner(consentId, ownerId).orElseThrow(() -> new NotFoundException("consent owner", ownerId));
	}

	private ConsentRepository.OwnerFields fields(String name, String flat, java.math.BigDecimal area, boolean affected,
			@Nullable String phone) {
		String cleanName = PlainText.line(name);
		String cleanFlat = PlainText.line(flat);
		if (cleanName == null || cleanFlat == null) {
			throw DomainException.invalid("le.consent.error.blank");
		}
		String cipherText = null;
		String hash = null;
		String masked = null;
		if (phone != null && !phone.isBlank()) {
			String normalized = PhoneNumbers.normalize(phone)
				.orElseThrow(() -> DomainException.invalid("le.consent.error.phone", phone));
			cipherText = cipher.encrypt(normalized);
			hash = cipher.lookupHash(normalized);
			masked = FieldCipher.maskPhone(normalized);
		}
		return new ConsentRepository.OwnerFields(cleanName, cleanFlat, area.setScale(2), affected, cipherText, hash, masked);
	}

}
