package org.grassroots.visits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemCollection;
import org.grassroots.problems.ProblemOrigin;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Times;
import org.grassroots.shared.files.FileStore;
import org.grassroots.shared.files.Upload;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.grassroots.visits.VisitCommands.NewVisit;
import org.grassroots.visits.internal.VisitFigures;
import org.grassroots.visits.internal.VisitRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logging visits: a leading cadre records a visit with its photos and the problems collected on
 * it, all in one transaction, and may add photos later.
 */
@Service
public class VisitManagement {

	/** The origin kind problems collected on a visit carry; their page links to /visits/{id}. */
	public static final String ORIGIN = "VISIT";

	private final VisitRepository visits;

	private final ProblemCollection collection;

	private final UnitManagement units;

	private final FileStore files;

	private final InputCheck input;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	VisitManagement(VisitRepository visits, ProblemCollection collection, UnitManagement units, FileStore files,
			InputCheck input, ApplicationEventPublisher events, Clock clock) {
		this.visits = visits;
		this.collection = collection;
		this.units = units;
		this.files = files;
		this.input = input;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Logs a visit. Everything is checked before anything is written (the kind, a date not in the
	 * future, the visited unit within the cadre's scope, every photo and problem row), and the visit,
	 * its photos and its problems are written together or not at all.
	 */
	@Transactional
	public Visit log(NewVisit given, List<Upload> photos, CurrentUser user) {
		VisitRules.check(VisitRules.VisitAction.LOG, user);
		NewVisit command = input.check(given);
		VisitKind kind = VisitKind.parse(command.kind());
		if (command.visitDate().isAfter(today())) {
			throw DomainException.invalid("visits.error.future-date", command.visitDate());
		}
		Unit visited = unitInScope(command.unitCode(), user);
		List<Upload> taken = photos.stream().filter(photo -> !photo.isEmpty()).toList();
		if (taken.size() > VisitCommands.MAX_PHOTOS) {
			throw DomainException.invalid("visits.error.too-many-photos", VisitCommands.MAX_PHOTOS);
		}
		taken.forEach(FileStore::check);
		List<ProblemCollection.Collected> collected = command.problemsOrNone();
		collection.check(collected);
		Unit cadreUnit = units.get(user.unitId(), DataScope.CITY);
		List<String> codes = visited.pathCodes();
		int onSpot = (int) collected.stream().filter(ProblemCollection.Collected::solvedOnSpot).count();
		Instant now = clock.instant();
		long id = visits.insert(new VisitRepository.NewRow(kind, command.visitDate(), command.place().trim(), visited.id(),
				visited.path(), codes.size() > 1 ? codes.get(1) : codes.get(0), user.accountId(), user.displayName(),
				cadreUnit.id(), cadreUnit.path(), blankToNull(command.peopleMet()), command.discussed().trim(),
				collected.size(), onSpot), now);
		taken.forEach(photo -> store(id, photo, now));
		Visit visit = reload(id);
		ProblemOrigin origin = new ProblemOrigin(ORIGIN, id, visit.label());
		List<String> ledgerNos = new ArrayList<>();
		for (ProblemCollection.Collected item : collected) {
			Problem problem = collection.collect(item, origin, visited, user);
			visits.insertProblem(id, problem.id(), item.solvedOnSpot(), false);
			ledgerNos.add(problem.ledgerNo());
		}
		events.publishEvent(new VisitLogged(visit, ledgerNos));
		events.publishEvent(VisitFigures.of(visit));
		return visit;
	}

	/** Adds a photo to a visit; only the cadre who logged it may, at the version they saw. */
	@Transactional
	public Visit addPhoto(long id, int version, Upload photo, CurrentUser user) {
		VisitRules.check(VisitRules.VisitAction.READ, user);
		Visit before = visits.find(id, user.scope()).orElseThrow(() -> new NotFoundException("visit", id));
		if (!VisitRules.allows(VisitRules.VisitAction.ADD_PHOTO, user) || before.cadreAccountId() != user.accountId()) {
			throw DomainException.forbidden("visits.error.not-own-visit");
		}
		FileStore.check(photo);
		if (visits.photos(id).size() >= VisitCommands.MAX_PHOTOS) {
			throw DomainException.invalid("visits.error.too-many-photos", VisitCommands.MAX_PHOTOS);
		}
		Instant now = clock.instant();
		if (before.version() != version || !visits.touch(id, version, now)) {
			throw DomainException.staleVersion();
		}
		store(id, photo, now);
		Visit after = reload(id);
		events.publishEvent(new VisitChanged(VisitChanged.Change.PHOTO_ADDED, before, after, null));
		events.publishEvent(VisitFigures.of(after));
		return after;
	}

	private void store(long visitId, Upload photo, Instant now) {
		if (!FileStore.check(photo).startsWith("image/")) {
			throw DomainException.invalid("visits.error.photo-type", photo.fileName());
		}
		FileStore.Stored stored = files.store(photo);
		String name = photo.fileName().isBlank() ? "photo" : photo.fileName();
		visits.insertPhoto(visitId, name.length() > 255 ? name.substring(0, 255) : name, stored.contentType(),
				stored.size(), stored.sha256(), stored.storageKey(), now);
	}

	/**
	 * The visited unit by code: one outside the cadre's scope, or unknown, is refused alike without
	 * its name, so that a refusal does not reveal what lies outside the scope.
	 */
	private Unit unitInScope(String code, CurrentUser user) {
		return units.findByCode(code.trim(), DataScope.CITY)
			.filter(unit -> user.scope().covers(unit.path()))
			.orElseThrow(() -> DomainException.invalid("visits.error.unit-out-of-scope", code.trim()));
	}

	private Visit reload(long id) {
		return visits.find(id, DataScope.CITY).orElseThrow(() -> new NotFoundException("visit", id));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Times.ZONE));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
