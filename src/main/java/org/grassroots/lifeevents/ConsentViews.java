package org.grassroots.lifeevents;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.lifeevents.internal.consent.ConsentLinks;
import org.grassroots.lifeevents.internal.consent.ConsentRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.UnitNames;
import org.grassroots.units.UnitLookup;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading owners' consents: the office's list and detail (staff whose scope covers the community),
 * an owner's ballot by their link, and the public notice of a passed vote.
 */
@Service
@Transactional(readOnly = true)
public class ConsentViews {

	private final ConsentRepository consents;

	private final UnitLookup units;

	private final ConsentNotice notice;

	ConsentViews(ConsentRepository consents, UnitLookup units, ConsentNotice notice) {
		this.consents = consents;
		this.units = units;
		this.notice = notice;
	}

	/** One page of consents, 20 at most, and whether more follow. */
	public record Page(List<Consent> items, int page, boolean hasNext) {

	}

	/**
	 * A consent with everything the office page shows.
	 *
	 * @param tally the live tally of the votes cast so far (the stored one once closed)
	 * @param allowed what the office may do now
	 * @param noticeOver the notice's last day has passed
	 */
	public record Detail(Consent consent, UnitNames.@Nullable Named community, List<ConsentOwner> owners,
			Article278.Tally tally, List<Article278.Check> checks, List<ConsentObjection> objections,
			Set<ConsentAction> allowed, boolean office, boolean noticeOver) {

		public long voted() {
			return owners.stream().filter(owner -> owner.vote() != null).count();
		}

	}

	/** What an owner sees through their link: the building, the matter and their own flat and vote. */
	public record Ballot(String buildingAddress, String referenceNumber, UnitNames.@Nullable Named community,
			ConsentState state, String flat, java.math.BigDecimal floorArea, boolean affected, @Nullable Vote vote) {

		public boolean open() {
			return state == ConsentState.VOTING && vote == null;
		}

	}

	/**
	 * The public notice: building, community, period, the five conditions' figures and how many
	 * objections came in; no owner's name or vote.
	 */
	public record Notice(long id, String buildingAddress, String referenceNumber, UnitNames.@Nullable Named community,
			ConsentState state, java.time.LocalDate startsOn, java.time.LocalDate endsOn, Article278.Tally tally,
			List<Article278.Check> checks, int objections, boolean open) {

	}

	public Page search(@Nullable ConsentState state, int page, CurrentUser user) {
		if (!user.isStaff()) {
			return new Page(List.of(), 0, false);
		}
		List<Consent> found = consents.search(user.scope(), state, page);
		boolean more = found.size() > ConsentRepository.PAGE_SIZE;
		return new Page(more ? found.subList(0, ConsentRepository.PAGE_SIZE) : found, Math.max(page, 0), more);
	}

	public Consent get(long id, CurrentUser user) {
		if (!user.isStaff()) {
			throw new NotFoundException("consent", id);
		}
		return consents.find(id, user.scope()).orElseThrow(() -> new NotFoundException("consent", id));
	}

	public Detail detail(long id, CurrentUser user) {
		Consent consent = get(id, user);
		List<ConsentOwner> owners = consents.owners(id);
		Article278.Tally tally = consent.closedTally() != null ? consent.closedTally()
				: Article278.tally(consents.ballots(id));
		boolean office = ConsentRules.office(user);
		boolean noticeOver = consent.noticeEndsOn() != null && notice.today().isAfter(consent.noticeEndsOn());
		Set<ConsentAction> allowed = EnumSet.noneOf(ConsentAction.class);
		if (office) {
			for (ConsentAction action : ConsentAction.values()) {
				if (ConsentRules.allows(action, consent.state(), ConsentRules.Party.OFFICE)) {
					allowed.add(action);
				}
			}
			if (!noticeOver) {
				allowed.remove(ConsentAction.CONFIRM);
				allowed.remove(ConsentAction.REFUSE);
			}
		}
		return new Detail(consent, community(consent.communityUnitId()), owners, tally, tally.checks(),
				consents.objections(id), allowed, office, noticeOver);
	}

	/** The names of the communities of these consents, by unit id. */
	public Map<Long, UnitNames.Named> communities(Collection<Consent> items) {
		return units.byIds(items.stream().map(Consent::communityUnitId).distinct().toList());
	}

	/** The owner's ballot; an unknown or replaced link is 404. */
	public Ballot ballot(String token) {
		ConsentOwner owner = (ConsentLinks.plausible(token) ? consents.ownerByToken(ConsentLinks.lookups(token))
				: java.util.Optional.<ConsentOwner>empty())
			.orElseThrow(() -> new NotFoundException("voting link", "?"));
		Consent consent = consents.find(owner.consentId()).orElseThrow();
		return new Ballot(consent.buildingAddress(), consent.referenceNumber(), community(consent.communityUnitId()),
				consent.state(), owner.flat(), owner.floorArea(), owner.affected(), owner.vote());
	}

	/** The public notice of a consent in or past its notice; anything else is 404. */
	public Notice notice(long id) {
		Consent consent = consents.find(id)
			.filter(found -> found.noticeStartsOn() != null && found.noticeEndsOn() != null && found.closedTally() != null)
			.orElseThrow(() -> new NotFoundException("consent notice", id));
		boolean open = consent.state() == ConsentState.NOTICE && !notice.today().isAfter(consent.noticeEndsOn());
		return new Notice(consent.id(), consent.buildingAddress(), consent.referenceNumber(),
				community(consent.communityUnitId()), consent.state(), consent.noticeStartsOn(), consent.noticeEndsOn(),
				consent.closedTally(), consent.closedTally().checks(), consents.objectionCount(id), open);
	}

	private UnitNames.@Nullable Named community(long unitId) {
		return units.byIds(List.of(unitId)).get(unitId);
	}

}
