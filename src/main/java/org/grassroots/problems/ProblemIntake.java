package org.grassroots.problems;

import static org.grassroots.problems.ProblemCommandSupport.blankToNull;
import static org.grassroots.problems.ProblemCommandSupport.trackingHash;

import java.security.SecureRandom;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.problems.ProblemCommands.Register;
import org.grassroots.problems.ProblemCommands.ResidentReport;
import org.grassroots.problems.internal.Districts;
import org.grassroots.problems.internal.ProblemRepository;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.Role;
import org.grassroots.shared.files.FileStore;
import org.grassroots.shared.files.Upload;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitBoundaries;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake: a problem enters the inventory, registered by staff or reported by a resident, each
 * through {@link IntakeRules} and in one transaction.
 */
@Service
public class ProblemIntake {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final ProblemCommandSupport support;

	private final ProblemRepository problems;

	private final UnitManagement units;

	private final Clock clock;

	private final InputCheck input;

	private final FieldCipher cipher;

	private final long uploadMegabytesPerReport;

	private final SecureRandom random = new SecureRandom();

	private final Districts districts;

	private final UnitBoundaries boundaries;

	private final MessageSource messages;

	ProblemIntake(ProblemCommandSupport support, ProblemRepository problems, UnitManagement units, Clock clock,
			InputCheck input, FieldCipher cipher,
			@Value("${grassroots.problems.public.upload-megabytes-per-report:15}") long uploadMegabytesPerReport,
			Districts districts, UnitBoundaries boundaries, MessageSource messages) {
		this.messages = messages;
		this.districts = districts;
		this.boundaries = boundaries;
		this.support = support;
		this.problems = problems;
		this.units = units;
		this.clock = clock;
		this.input = input;
		this.cipher = cipher;
		this.uploadMegabytesPerReport = uploadMegabytesPerReport;
	}

	/** A resident's saved report, the tracking code shown to them once, and the unit it was filed at. */
	public record Reported(Problem problem, String trackingCode, Unit location) {

	}

	/** Staff register a problem raised by their unit or a unit in their scope. */
	@Transactional
	public Problem register(Register given, List<Upload> uploads, CurrentUser user) {
		Register command = input.check(IntakeRules.clean(given));
		if (!user.isStaff()) {
			throw DomainException.forbidden("error.403.text");
		}
		uploads.forEach(FileStore::check);
		Category category = support.category(command.categoryCode());
		Unit raising = command.raisingUnitId() == null ? support.unit(user.unitId())
				: units.get(command.raisingUnitId(), user.scope());
		Unit location = command.locationUnitId() == null ? null : units.get(command.locationUnitId(), user.scope());
		List<ProblemCommands.NewMilestone> milestones = command.milestones() == null ? List.of() : command.milestones();
		if (command.typeOrDefault() == ProblemType.LONG_TERM && milestones.isEmpty()) {
			throw DomainException.invalid("problems.error.milestones-required");
		}
		milestones.forEach(milestone -> support.checkFuture(milestone.deadline()));
		Instant now = clock.instant();
		Problem created = support.insert(staffRow(command, raising, location, category, now), raising, location);
		long id = created.id();
		for (int i = 0; i < milestones.size(); i++) {
			problems.insertMilestone(id, i + 1, milestones.get(i).title().trim(), milestones.get(i).deadline());
		}
		uploads.forEach(upload -> support.store(id, "INTAKE", upload, user.displayName(), now));
		problems.insertEvent(id, ProblemAction.REPORT, null, ProblemState.REPORTED, user.displayName(),
				raising, null, true, now);
		support.reported(created, null);
		support.notice("REPORTED", created, List.of(created.handlingUnitPath()), "");
		return created;
	}

	/** The raising unit handles what it registers until it passes the problem on. */
	private Map<String, @Nullable Object> staffRow(Register command, Unit raising, @Nullable Unit location,
			Category category, Instant now) {
		Map<String, @Nullable Object> row = support.newRow(raising, raising, location, command.source(), category, now);
		row.put("title", command.title().trim());
		row.put("description", command.description().trim());
		row.put("urgency", (command.urgency() == null ? Urgency.GENERAL : command.urgency()).name());
		row.put("problem_type", command.typeOrDefault().name());
		row.put("address", blankToNull(command.address()));
		row.put("latitude", command.latitude());
		row.put("longitude", command.longitude());
		row.put("standard", blankToNull(command.standard()));
		row.put("measures", blankToNull(command.measures()));
		return row;
	}

	/**
	 * A resident's report through the public page or API, without an account: the place must be
	 * a community or a street, so that nobody can file on the city or a district office.
	 */
	@Transactional
	public Reported reportAtPlace(ResidentReport given, List<Upload> uploads) {
		return reportAtPlace(given, uploads, null);
	}

	/**
	 * A resident's report through the public page. When a resident is signed in, the report is
	 * linked to their account, so that it is listed among their own reports (我的反映); staff and
	 * members who use the public page are not linked. The account is never shown to staff.
	 */
	@Transactional
	public Reported reportAtPlace(ResidentReport given, List<Upload> uploads, @Nullable CurrentUser reporter) {
		// without a unit, the point names it: placed first, so that the checks below see a unit
		BigDecimal latitude = given.latitude();
		BigDecimal longitude = given.longitude();
		boolean byPoint = given.locationUnitId() == null && latitude != null && longitude != null;
		ResidentReport cleaned = IntakeRules.clean(byPoint ? given.atUnit(placed(latitude, longitude).id()) : given);
		// a unit, or a point that names one: without either the place is missing, with the rest
		ResidentReport command = input.check(cleaned,
				cleaned.locationUnitId() == null ? List.of("locationUnitId") : List.of(), messages);
		Unit location = units.get(command.locationUnitId(), DataScope.CITY);
		if (!byPoint && (location.kind() != UnitKind.ADMINISTRATIVE
				|| (location.level() != UnitLevel.COMMUNITY && location.level() != UnitLevel.STREET))) {
			throw DomainException.invalid("problems.error.location-level");
		}
		return file(command, uploads, reporter != null && reporter.has(Role.RESIDENT) ? reporter.accountId() : null,
				location);
	}

	/**
	 * Where a report without a chosen unit goes by its coordinates: the community whose boundary
	 * holds the point, else the street, else the district (docs/units.md, Boundaries).
	 */
	private Unit placed(BigDecimal latitude, BigDecimal longitude) {
		return placeOf(latitude, longitude).orElseThrow(() -> DomainException.invalid("problems.error.location-unplaced"));
	}

	/** The unit a report at this point would be filed at, when a boundary holds it. */
	public Optional<Unit> placeOf(BigDecimal latitude, BigDecimal longitude) {
		return boundaries.place(latitude.doubleValue(), longitude.doubleValue());
	}

	/**
	 * A resident's report at any administrative unit, as Open311 files it when no place matches. It
	 * goes to the district of the place; when the resident names an open problem as the same one,
	 * the report is linked to it as a duplicate.
	 */
	@Transactional
	public Reported report(ResidentReport given, List<Upload> uploads) {
		ResidentReport command = input.check(IntakeRules.clean(given));
		return file(command, uploads, null, units.get(command.locationUnitId(), DataScope.CITY));
	}

	/**
	 * {@link #report(ResidentReport, List)} at a unit the caller has already loaded (Open311's
	 * locator), so that it is not read again.
	 */
	@Transactional
	public Reported report(Unit location, ResidentReport given, List<Upload> uploads) {
		if (location.id() != given.locationUnitId()) {
			throw new IllegalArgumentException("the report names another unit than the one given");
		}
		return file(input.check(IntakeRules.clean(given)), uploads, null, location);
	}

	/** Saves a report that has passed {@link IntakeRules} and its constraints. */
	private Reported file(ResidentReport command, List<Upload> uploads, @Nullable Long reporterAccountId, Unit location) {
		uploads.forEach(FileStore::check);
		if (uploads.stream().mapToLong(upload -> upload.bytes().length).sum() > uploadMegabytesPerReport * 1024 * 1024) {
			throw DomainException.invalid("problems.error.uploads-too-large", uploadMegabytesPerReport);
		}
		Category category = support.category(command.categoryCode());
		if (location.kind() == UnitKind.DEPARTMENT) {
			throw DomainException.invalid("problems.error.location-level");
		}
		Unit district = location.depth() <= 2 ? location
				: districts.get(location.pathCodes().get(1), code -> units.getByCode(code, DataScope.CITY));
		Problem original = command.duplicateOf() == null ? null : duplicateTarget(command);
		Instant now = clock.instant();
		String code = trackingCode();
		Map<String, @Nullable Object> row = residentRow(command, location, district, category, code, now);
		row.put("reporter_account_id", reporterAccountId);
		if (original != null) {
			// a duplicate is declined at once and linked, so nobody works it twice
			row.put("state", ProblemState.DECLINED.name());
			row.put("duplicate_of", original.id());
			row.put("decline_reason", "DUPLICATE " + original.ledgerNo());
			row.put("first_action_at", now);
		}
		Problem inserted = support.insert(row, location, location);
		long id = inserted.id();
		problems.insertAttributes(id, command.attributes() == null ? Map.of() : command.attributes());
		uploads.forEach(upload -> support.store(id, "INTAKE", upload, TimelineEntry.RESIDENT, now));
		problems.insertEvent(id, ProblemAction.REPORT, null, ProblemState.REPORTED, TimelineEntry.RESIDENT, null, null, true,
				now);
		if (original != null) {
			problems.insertEvent(id, ProblemAction.DECLINE, ProblemState.REPORTED, ProblemState.DECLINED, TimelineEntry.RESIDENT, null,
					original.ledgerNo(), true, now);
			problems.bumpReportCount(original.id());
		}
		Problem created = support.reported(inserted, TimelineEntry.RESIDENT);
		if (original == null) {
			support.notice("REPORTED", created, List.of(created.handlingUnitPath()), "");
		}
		support.messageReporter("PROBLEM_RECEIVED", created, code);
		return new Reported(created, code, location);
	}

	/** The tracking code is kept only as its hash and the phone only encrypted, with a hash to look it up by. */
	private Map<String, @Nullable Object> residentRow(ResidentReport command, Unit location, Unit district,
			Category category, String code, Instant now) {
		Map<String, @Nullable Object> row = support.newRow(location, district, location, ProblemSource.RESIDENT,
				category, now);
		row.put("title", command.title());
		row.put("description", command.description());
		row.put("urgency", Urgency.GENERAL.name());
		row.put("problem_type", ProblemType.IMMEDIATE.name());
		row.put("address", blankToNull(command.address()));
		row.put("latitude", command.latitude());
		row.put("longitude", command.longitude());
		row.put("tracking_hash", trackingHash(cipher.suite(), code));
		row.put("title_public", true);
		row.put("disclose_identity", command.disclose());
		if (command.phone() != null && !command.phone().isBlank()) {
			row.put("reporter_phone_cipher", cipher.encrypt(command.phone()));
			row.put("reporter_phone_hash", cipher.lookupHash(command.phone()));
			row.put("reporter_language", LocaleContextHolder.getLocale().getLanguage());
		}
		return row;
	}

	private Problem duplicateTarget(ResidentReport command) {
		return problems.openInCommunity(command.locationUnitId(), command.categoryCode())
			.stream()
			.filter(open -> open.id() == command.duplicateOf())
			.findFirst()
			.orElseThrow(() -> DomainException.invalid("problems.error.not-a-duplicate"));
	}

	private String trackingCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

}
