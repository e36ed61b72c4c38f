package org.grassroots.learning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.grassroots.learning.internal.CoverageRollup;
import org.grassroots.learning.internal.LearningRepository;
import org.grassroots.learning.internal.LearningRepository.Member;
import org.grassroots.learning.internal.QrSigner;
import org.grassroots.problems.Problem;
import org.grassroots.problems.ProblemCommands;
import org.grassroots.problems.ProblemIntake;
import org.grassroots.problems.ProblemSource;
import org.grassroots.problems.ProblemType;
import org.grassroots.problems.Urgency;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.InputCheck;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.shared.Times;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans, points and sessions for unit administrators; check-ins for members; coverage for anyone
 * whose scope holds the unit. A repeated check-in the same day is accepted and changes nothing.
 */
@Service
public class LearningManagement {

	private final LearningRepository learning;

	private final UnitManagement units;

	private final ProblemIntake intake;

	private final QrSigner signer;

	private final ApplicationEventPublisher events;

	private final InputCheck input;

	private final Clock clock;

	private final CoverageRollup rollup;

	LearningManagement(LearningRepository learning, UnitManagement units, ProblemIntake intake, QrSigner signer,
			ApplicationEventPublisher events, InputCheck input, Clock clock, CoverageRollup rollup) {
		this.rollup = rollup;
		this.learning = learning;
		this.units = units;
		this.intake = intake;
		this.signer = signer;
		this.events = events;
		this.input = input;
		this.clock = clock;
	}

	/** What a check-in did: whether it was already there, and the member's progress now. */
	public record CheckInResult(String placeName, boolean already, List<Progress> progress) {

	}

	/** A member's progress on one plan. */
	public record Progress(StudyPlan plan, int done) {

		public boolean met() {
			return done >= plan.requiredCount();
		}

	}

	// ---------------------------------------------------------------- plans, points, sessions

	@Transactional
	public StudyPlan createPlan(LearningCommands.NewPlan command, CurrentUser admin) {
		input.check(command);
		Unit unit = administered(command.unitId(), admin);
		if (command.periodEnd().isBefore(command.periodStart())) {
			throw DomainException.invalid("learning.error.period");
		}
		long id = learning.insertPlan(command.title().trim(), blank(command.materials()), blank(command.links()), unit.id(),
				unit.path(), command.periodStart(), command.periodEnd(), command.requiredCount(), admin.getUsername(),
				clock.instant());
		rollup.rebuild(id);
		StudyPlan plan = learning.plan(id).orElseThrow();
		events.publishEvent(new LearningChanged("STUDY_PLAN_CREATED", "STUDY_PLAN", String.valueOf(id), unit.path(), plan));
		return plan;
	}

	@Transactional(readOnly = true)
	public List<StudyPlan> plans(CurrentUser user) {
		return learning.plans(user.isStaff() ? user.scope() : DataScope.NONE, user.unitPath());
	}

	/** A plan the person may see: its target is in their scope, or it targets a unit above theirs. */
	@Transactional(readOnly = true)
	public StudyPlan plan(long id, CurrentUser user) {
		return learning.plan(id)
			.filter(plan -> plan.visibleTo(user))
			.orElseThrow(() -> new NotFoundException("study plan", id));
	}

	@Transactional
	public LearningPoint createPoint(LearningCommands.NewPoint command, CurrentUser admin) {
		input.check(command);
		Unit unit = administered(command.unitId(), admin);
		long id = learning.insertPoint(command.name().trim(), command.kind(), unit.id(), unit.path(), blank(command.address()),
				blank(command.openingHours()), blank(command.materials()), command.restricted(), admin.getUsername(),
				clock.instant());
		LearningPoint point = learning.point(id).orElseThrow();
		events.publishEvent(new LearningChanged("LEARNING_POINT_CREATED", "LEARNING_POINT", String.valueOf(id), unit.path(),
				point));
		return point;
	}

	@Transactional(readOnly = true)
	public List<LearningPoint> points(CurrentUser user) {
		return learning.points(user.scope());
	}

	@Transactional(readOnly = true)
	public LearningPoint point(long id, CurrentUser user) {
		return learning.point(id)
			.filter(point -> user.scope().covers(point.unitPath()))
			.orElseThrow(() -> new NotFoundException("learning point", id));
	}

	/**
	 * Points in the caller's district that the caller may see, those of their own street or
	 * community first: the points of their scope, as the list has them, and for a member every
	 * point of their own district, where they may check in.
	 */
	@Transactional(readOnly = true)
	public List<LearningPoint> pointsNear(CurrentUser user) {
		String[] codes = user.unitPath().substring(1).split("/");
		String district = codes.length < 2 ? user.unitPath() : "/" + codes[0] + "/" + codes[1] + "/";
		DataScope visible = user.scope();
		if (user.has(Role.PARTY_MEMBER)) {
			visible = visible.union(new DataScope(false, Set.of(district), Set.of()));
		}
		List<LearningPoint> points = new ArrayList<>(learning.pointsIn(district, visible));
		points.sort((a, b) -> Integer.compare(shared(b.unitPath(), user.unitPath()), shared(a.unitPath(), user.unitPath())));
		return points;
	}

	@Transactional
	public StudySession createSession(LearningCommands.NewSession command, CurrentUser admin) {
		input.check(command);
		Unit host = administered(command.hostUnitId(), admin);
		if (command.planId() != null) {
			plan(command.planId(), admin);
		}
		long id = learning.insertSession(command.planId(), command.kind(), command.topic().trim(), command.speaker().trim(),
				command.place().trim(), host.id(), host.path(), command.startsAt(), admin.getUsername(), clock.instant());
		StudySession session = learning.session(id).orElseThrow();
		events.publishEvent(new LearningChanged("STUDY_SESSION_CREATED", "STUDY_SESSION", String.valueOf(id), host.path(),
				session));
		return session;
	}

	@Transactional(readOnly = true)
	public List<StudySession> sessions(CurrentUser user) {
		return learning.sessions(user.scope());
	}

	@Transactional(readOnly = true)
	public StudySession session(long id, CurrentUser user) {
		return learning.session(id)
			.filter(session -> user.scope().covers(session.hostUnitPath()))
			.orElseThrow(() -> new NotFoundException("study session", id));
	}

	/**
	 * Whether the person runs the session and so records its attendance: a caseworker or unit
	 * administrator of the host unit itself, or an administrator whose subtree holds it. Leading
	 * cadres and steering groups supervise and only read (docs/learning.md, "Who records attendance").
	 */
	public boolean records(StudySession session, CurrentUser user) {
		boolean hostStaff = user.unitId() == session.hostUnitId() && (user.has(Role.CASEWORKER) || user.has(Role.UNIT_ADMIN));
		boolean administratorAbove = (user.has(Role.CITY_ADMIN) || user.has(Role.UNIT_ADMIN))
				&& user.administeredScope().covers(session.hostUnitPath());
		return hostStaff || administratorAbove;
	}

	/** A session the person records: 404 when out of their scope, 403 when they only read it. */
	StudySession hosted(long sessionId, CurrentUser user) {
		StudySession session = session(sessionId, user);
		if (!records(session, user)) {
			throw DomainException.forbidden("learning.error.not-host", session.topic());
		}
		return session;
	}

	/** The members the host may mark present: its subtree's, at most 300, by name. */
	@Transactional(readOnly = true)
	public List<Attendee> attendees(long sessionId, CurrentUser user) {
		StudySession session = hosted(sessionId, user);
		return learning.membersIn(session.hostUnitPath(), 300)
			.stream()
			.map(member -> new Attendee(member.accountId(), member.displayName(), member.unitPath()))
			.toList();
	}

	@Transactional(readOnly = true)
	public int attendance(long sessionId) {
		return learning.attendance(sessionId);
	}

	/** A problem found in a study session goes into the problems inventory with source STUDY. */
	@Transactional
	public Problem raiseProblem(long sessionId, String title, String description, String categoryCode, CurrentUser user) {
		StudySession session = session(sessionId, user);
		return intake.register(new ProblemCommands.Register(title, description, ProblemSource.STUDY, categoryCode,
				Urgency.GENERAL, ProblemType.IMMEDIATE, session.hostUnitId(), null, session.place(), null, null, null, null,
				null), List.of(), user);
	}

	// ---------------------------------------------------------------- QR codes (check-ins: CheckIns)

	/** The path a point's QR code encodes, signed with the current key. */
	@Transactional
	public String pointLink(long pointId, CurrentUser user) {
		point(pointId, user);
		QrSigner.Signature signature = signer.sign("P:" + pointId);
		return "/learn/points/" + pointId + "/check-in?k=" + signature.keyId() + "&s=" + signature.value();
	}

	/** The path a session's QR code encodes: only for those who record its attendance. */
	@Transactional
	public String sessionLink(long sessionId, CurrentUser user) {
		hosted(sessionId, user);
		QrSigner.Signature signature = signer.sign("S:" + sessionId);
		return "/learn/sessions/" + sessionId + "/check-in?k=" + signature.keyId() + "&s=" + signature.value();
	}

	/** Checks that a scanned point code is genuine and current; answers the point. */
	public LearningPoint scannedPoint(long pointId, long keyId, String signature) {
		signer.verify("P:" + pointId, keyId, signature);
		return learning.point(pointId).orElseThrow(() -> new NotFoundException("learning point", pointId));
	}

	@Transactional(readOnly = true)
	public StudySession scannedSession(long sessionId, long keyId, String signature) {
		signer.verify("S:" + sessionId, keyId, signature);
		return learning.session(sessionId).orElseThrow(() -> new NotFoundException("study session", sessionId));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Times.ZONE));
	}

	/** The member's progress on every plan running today for their unit. */
	@Transactional(readOnly = true)
	public List<Progress> progress(CurrentUser user) {
		return progress(member(user));
	}

	private List<Progress> progress(Member member) {
		LocalDate today = today();
		return learning.plans(DataScope.NONE, member.unitPath())
			.stream()
			.filter(plan -> plan.runsOn(today))
			.map(plan -> new Progress(plan, learning.countDone(member.accountId(), plan.periodStart(), plan.periodEnd())))
			.toList();
	}

	private Member member(CurrentUser user) {
		return learning.member(user.accountId()).orElseThrow(() -> DomainException.forbidden("learning.error.not-member"));
	}

	// ---------------------------------------------------------------- coverage

	// ---------------------------------------------------------------- plumbing

	private Unit administered(@Nullable Long unitId, CurrentUser admin) {
		DataScope scope = admin.administeredScope();
		return units.get(unitId == null ? admin.unitId() : unitId, scope);
	}

	private static int shared(String a, String b) {
		int i = 0;
		while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
			i++;
		}
		return i;
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
