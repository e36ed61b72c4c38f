package org.grassroots.cases;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.grassroots.cases.internal.CaseJournal;
import org.grassroots.cases.internal.CaseRepository;
import org.grassroots.cases.internal.MechanismRepository;
import org.grassroots.problems.ProblemViews;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.PlainText;
import org.grassroots.shared.Times;
import org.grassroots.shared.files.FileStore;
import org.grassroots.shared.files.Upload;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mechanisms (建章立制): a unit office adopts one for its unit, with the problems and cases that
 * prompted it, and edits it later; every staff member reads those of their subtree and of the
 * units above them, the city office and steering groups read all.
 */
@Service
public class Mechanisms {

	private final MechanismRepository mechanisms;

	private final CaseRepository cases;

	private final ProblemViews problems;

	private final UnitManagement units;

	private final FileStore files;

	private final InputCheck input;

	private final CaseJournal journal;

	private final Clock clock;

	Mechanisms(MechanismRepository mechanisms, CaseRepository cases, ProblemViews problems, UnitManagement units,
			FileStore files, InputCheck input, CaseJournal journal, Clock clock) {
		this.mechanisms = mechanisms;
		this.cases = cases;
		this.problems = problems;
		this.units = units;
		this.files = files;
		this.input = input;
		this.journal = journal;
		this.clock = clock;
	}

	/** One page of mechanisms, 50 a page, and whether another follows. */
	public record Page(List<Mechanism> items, int page, boolean hasNext) {

	}

	/** A mechanism's document and where its bytes are. */
	public record Document(String fileName, String contentType, Path file) {

	}

	/** Adopts a mechanism for the person's unit; the document, if any, is checked before anything is written. */
	@Transactional
	public Mechanism adopt(MechanismCommands.Adopt command, @Nullable Upload document, CurrentUser user) {
		input.check(command);
		if (!CaseRules.writes(user)) {
			throw DomainException.forbidden("mechanisms.error.not-office");
		}
		var fields = fields(command.title(), command.appliesTo(), command.adoptedOn(), command.body(), document != null);
		List<Mechanism.Prompt> prompts = prompts(command.problemLedgerNos(), command.caseIds(), user);
		if (document != null) {
			FileStore.check(document);
		}
		Instant now = clock.instant();
		long id = mechanisms.insert(fields, user.unitId(), user.unitPath(), user.getUsername(), now);
		mechanisms.prompts(id, prompts);
		if (document != null) {
			mechanisms.attach(id, 0, CaseWriting.fileName(document.fileName()), files.store(document), now);
		}
		return journal.changed(MechanismAction.ADOPT, null, mechanisms.find(id).orElseThrow());
	}

	/** Changes a mechanism and, if one is given, replaces its document, in one step. */
	@Transactional
	public Mechanism edit(long id, MechanismCommands.Edit command, @Nullable Upload document, CurrentUser user) {
		input.check(command);
		Mechanism before = own(id, user);
		var fields = fields(command.title(), command.appliesTo(), command.adoptedOn(), command.body(),
				before.fileName() != null || document != null);
		List<Mechanism.Prompt> prompts = prompts(command.problemLedgerNos(), command.caseIds(), user);
		if (document != null) {
			FileStore.check(document);
		}
		Instant now = clock.instant();
		if (!mechanisms.edit(id, command.version(), fields, now)) {
			throw DomainException.staleVersion();
		}
		mechanisms.prompts(id, prompts);
		if (document != null) {
			mechanisms.attach(id, command.version() + 1, CaseWriting.fileName(document.fileName()), files.store(document), now);
		}
		return journal.changed(MechanismAction.EDIT, before, mechanisms.find(id).orElseThrow());
	}

	/** Attaches (or replaces) the mechanism's document: a PDF or an image. */
	@Transactional
	public Mechanism attach(long id, int version, Upload document, CurrentUser user) {
		Mechanism before = own(id, user);
		FileStore.check(document);
		if (!mechanisms.attach(id, version, CaseWriting.fileName(document.fileName()), files.store(document),
				clock.instant())) {
			throw DomainException.staleVersion();
		}
		return journal.changed(MechanismAction.ATTACH, before, mechanisms.find(id).orElseThrow());
	}

	/** Mechanisms the person may read, in a unit's subtree when a unit is given, else city-wide. */
	@Transactional(readOnly = true)
	public Page list(@Nullable String unitCode, CurrentUser user, int page) {
		String prefix = null;
		if (unitCode != null && !unitCode.isBlank()) {
			Unit unit = units.findByCode(unitCode.trim(), DataScope.CITY).orElse(null);
			if (unit == null) {
				return new Page(List.of(), Math.max(page, 0), false);
			}
			prefix = unit.path();
		}
		List<Mechanism> found = mechanisms.list(prefix, user, page);
		return new Page(found.stream().limit(MechanismRepository.PAGE_SIZE).toList(), Math.max(page, 0),
				found.size() > MechanismRepository.PAGE_SIZE);
	}

	@Transactional(readOnly = true)
	public Mechanism get(long id, CurrentUser user) {
		return mechanisms.find(id, user).orElseThrow(() -> new NotFoundException("mechanism", id));
	}

	/** Whether the person may change the mechanism: an office of the adopting unit. */
	public boolean mayEdit(Mechanism mechanism, CurrentUser user) {
		return CaseRules.writes(user) && user.unitId() == mechanism.unitId();
	}

	@Transactional(readOnly = true)
	public Document document(long id, CurrentUser user) {
		Mechanism mechanism = get(id, user);
		String key = mechanisms.fileKey(id).orElseThrow(() -> new NotFoundException("mechanism document", id));
		return new Document(java.util.Objects.requireNonNull(mechanism.fileName()),
				java.util.Objects.requireNonNull(mechanism.fileType()), files.path(key));
	}

	@Transactional(readOnly = true)
	public Map<Long, Unit> unitsOf(java.util.Collection<Mechanism> shown) {
		return units.byIds(shown.stream().map(Mechanism::unitId).distinct().toList());
	}

	private Mechanism own(long id, CurrentUser user) {
		Mechanism mechanism = get(id, user);
		if (!mayEdit(mechanism, user)) {
			throw DomainException.forbidden("mechanisms.error.not-adopter");
		}
		return mechanism;
	}

	private MechanismRepository.Fields fields(String title, String appliesTo, LocalDate adoptedOn, @Nullable String body,
			boolean hasDocument) {
		if (adoptedOn.isAfter(LocalDate.now(clock.withZone(Times.ZONE)))) {
			throw DomainException.invalid("mechanisms.error.future-date", adoptedOn);
		}
		String text = PlainText.lines(body);
		if (text == null && !hasDocument) {
			throw DomainException.invalid("mechanisms.error.text-or-document");
		}
		String cleanTitle = PlainText.line(title);
		String cleanScope = PlainText.line(appliesTo);
		if (cleanTitle == null || cleanScope == null) {
			throw DomainException.invalid("cases.error.blank");
		}
		return new MechanismRepository.Fields(cleanTitle, cleanScope, adoptedOn, text);
	}

	/**
	 * The problems (each within the adopter's scope) and cases (each one the adopter may read) named
	 * as prompts; one that is not found, or not the adopter's to cite, is bad input naming it.
	 */
	private List<Mechanism.Prompt> prompts(@Nullable List<String> ledgerNos, @Nullable List<Long> caseIds,
			CurrentUser user) {
		List<Mechanism.Prompt> prompts = new ArrayList<>();
		for (String ledgerNo : new LinkedHashSet<>(ledgerNos == null ? List.of() : ledgerNos)) {
			String no = PlainText.line(ledgerNo);
			if (no == null) {
				continue;
			}
			var problem = problems.byLedgerNo(no, user)
				.orElseThrow(() -> DomainException.invalid("mechanisms.error.problem", no));
			prompts.add(new Mechanism.Prompt(Mechanism.PromptKind.PROBLEM, problem.id(), problem.ledgerNo()));
		}
		for (Long caseId : new LinkedHashSet<>(caseIds == null ? List.<Long>of() : caseIds)) {
			TypicalCase typical = cases.find(caseId, user)
				.orElseThrow(() -> DomainException.invalid("mechanisms.error.case", caseId));
			prompts.add(new Mechanism.Prompt(Mechanism.PromptKind.CASE, typical.id(), typical.title()));
		}
		return prompts;
	}

}
