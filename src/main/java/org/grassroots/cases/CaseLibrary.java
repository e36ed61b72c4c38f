package org.grassroots.cases;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.grassroots.cases.internal.CaseRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.files.FileStore;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the case library: search, the approvers' queue, one case with what the reader may do, its photos. */
@Service
public class CaseLibrary {

	private final CaseRepository cases;

	private final UnitManagement units;

	private final FileStore files;

	CaseLibrary(CaseRepository cases, UnitManagement units, FileStore files) {
		this.cases = cases;
		this.units = units;
		this.files = files;
	}

	/** One page of cases, 20 a page, and whether another follows. */
	public record Page(List<TypicalCase> items, int page, boolean hasNext) {

	}

	/**
	 * One case with its photos and what the reader may do now.
	 *
	 * @param cityOffice whether the reader may publish city-wide
	 */
	public record Detail(TypicalCase typical, List<CasePhoto> photos, Set<CaseRules.Party> parties,
			Set<CaseAction> allowed, boolean cityOffice) {

	}

	/** A photo's metadata and where its bytes are. */
	public record PhotoFile(CasePhoto photo, Path file) {

	}

	@Transactional(readOnly = true)
	public Page search(CaseFilter filter, CurrentUser user, int page) {
		String prefix = null;
		if (filter.unitCode() != null && !filter.unitCode().isBlank()) {
			@Nullable Unit unit = units.findByCode(filter.unitCode().trim(), DataScope.CITY).orElse(null);
			if (unit == null) {
				return new Page(List.of(), Math.max(page, 0), false);
			}
			prefix = unit.path();
		}
		List<TypicalCase> found = cases.search(filter, prefix, user, page);
		return new Page(found.stream().limit(CaseRepository.PAGE_SIZE).toList(), Math.max(page, 0),
				found.size() > CaseRepository.PAGE_SIZE);
	}

	/** Cases submitted by units below the reader's own and waiting for a decision. */
	@Transactional(readOnly = true)
	public Page waiting(CurrentUser user, int page) {
		return search(new CaseFilter(null, null, null, null, true), user, page);
	}

	@Transactional(readOnly = true)
	public TypicalCase get(long id, CurrentUser user) {
		return cases.find(id, user).orElseThrow(() -> new NotFoundException("typical case", id));
	}

	@Transactional(readOnly = true)
	public Detail detail(long id, CurrentUser user) {
		TypicalCase typical = get(id, user);
		Set<CaseRules.Party> parties = CaseRules.parties(typical, user);
		Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
		CaseRules.TABLE.keySet()
			.stream()
			.filter(action -> CaseRules.allows(action, typical.state(), parties))
			.forEach(allowed::add);
		boolean cityOffice = CaseRules.cityOffice(user);
		if (!cityOffice) {
			allowed.remove(CaseAction.CHANGE_REACH);
		}
		return new Detail(typical, cases.photos(id), parties, allowed, cityOffice);
	}

	/** A photo, only when its case is one the reader may read. */
	@Transactional(readOnly = true)
	public PhotoFile photo(long caseId, long photoId, CurrentUser user) {
		get(caseId, user);
		var stored = cases.photo(caseId, photoId).orElseThrow(() -> new NotFoundException("photo", photoId));
		return new PhotoFile(stored.photo(), files.path(stored.storageKey()));
	}

	/** The names of the units that a list of cases shows. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, Unit> unitsOf(java.util.Collection<TypicalCase> shown) {
		return units.byIds(shown.stream().map(TypicalCase::unitId).distinct().toList());
	}

}
