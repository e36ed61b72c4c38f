package org.grassroots.learning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.grassroots.learning.LearningManagement.CheckInResult;
import org.grassroots.learning.LearningManagement.Progress;
import org.grassroots.learning.internal.CoverageRollup;
import org.grassroots.learning.internal.LearningRepository;
import org.grassroots.learning.internal.LearningRepository.Member;
import org.grassroots.learning.internal.PointScans;
import org.grassroots.learning.internal.QrSigner;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.Database;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Times;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every writer of check-ins: a member's scan of a point or a session, and the host's attendance
 * list. Each takes the member's lock first (docs/learning.md, "At most one check-in").
 */
@Service
public class CheckIns {

	private final LearningRepository learning;

	private final LearningManagement management;

	private final QrSigner signer;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final CoverageRollup rollup;

	private final PointScans points;

	private final Database database;

	CheckIns(LearningRepository learning, LearningManagement management, QrSigner signer,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, CoverageRollup rollup,
			PointScans points, Database database) {
		this.learning = learning;
		this.management = management;
		this.signer = signer;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.rollup = rollup;
		this.points = points;
		this.database = database;
	}

	/**
	 * A member scans a point's code: one check-in a day, however often they scan. The key comes from
	 * memory. On PostgreSQL one statement takes the member's lock, reads the point and where the
	 * member stands, and inserts ({@link PointScans}); H2 takes the lock with the point, then reads
	 * and inserts. The coverage row is written only when the check-in reaches a plan.
	 */
	public CheckInResult checkInAtPoint(long pointId, long keyId, String signature, CurrentUser user) {
		signer.verify("P:" + pointId, keyId, signature);
		LocalDate day = today();
		return transactions.execute(status -> {
			if (!database.postgres()) {
				return scan(allowedAt(learning.lockedMemberAt(user.accountId(), pointId), pointId), pointId, null, day);
			}
			PointScans.Scan scan = points.scan(user.accountId(), pointId, day, clock.instant())
				.orElseThrow(() -> DomainException.forbidden("learning.error.not-member"));
			LearningRepository.AtPoint at = allowedAt(Optional.of(scan.at()), pointId);
			if (!scan.fresh()) {
				// another writer of this member's check-ins committed while the statement waited: the
				// lock is held now, so the reads are exact when made again
				return scan(at, pointId, null, day);
			}
			if (!scan.inserted()) {
				return new CheckInResult(at.pointName(), true, progress(scan.plans(), 0));
			}
			return checkedIn(at.member(), pointId, null, day, at.pointName(), scan.plans());
		});
	}

	/** The member at the point, or why they may not check in there. */
	private static LearningRepository.AtPoint allowedAt(Optional<LearningRepository.AtPoint> found, long pointId) {
		LearningRepository.AtPoint at = found.orElseThrow(() -> DomainException.forbidden("learning.error.not-member"));
		if (at.pointName() == null || at.pointPath() == null) {
			throw new NotFoundException("learning point", pointId);
		}
		if (at.restricted() && !at.member().unitPath().startsWith(LearningPoint.districtOf(at.pointPath()))) {
			throw DomainException.forbidden("learning.error.restricted", at.pointName());
		}
		return at;
	}

	private CheckInResult scan(LearningRepository.AtPoint at, @Nullable Long pointId, @Nullable Long sessionId,
			LocalDate day) {
		return scan(at.member(), pointId, sessionId, day, at.pointName());
	}

	/** A member scans a session's code: counted on the session's day, and not before it. */
	public CheckInResult checkInAtSession(long sessionId, long keyId, String signature, CurrentUser user) {
		StudySession session = management.scannedSession(sessionId, keyId, signature);
		LocalDate day = heldOn(session);
		return transactions.execute(status -> scan(lockedMember(user), null, session.id(), day, session.topic()));
	}

	/**
	 * Records a scan under the member's lock, which every writer of check-ins takes: so only one of
	 * a member's parallel scans can be the one that reached a plan, and "there already" is exact.
	 */
	private CheckInResult scan(Member member, @Nullable Long pointId, @Nullable Long sessionId, LocalDate day,
			String place) {
		LearningRepository.Standing standing = learning.standing(member.accountId(), member.unitPath(), pointId,
				sessionId, day);
		if (standing.already()) {
			return new CheckInResult(place, true, progress(standing.plans(), 0));
		}
		learning.insertCheckIn(member.accountId(), member.unitPath(), pointId, sessionId, day, clock.instant(), "QR");
		return checkedIn(member, pointId, sessionId, day, place, standing.plans());
	}

	/** After the insert: coverage when a plan is reached, the event, the progress to answer. */
	private CheckInResult checkedIn(Member member, @Nullable Long pointId, @Nullable Long sessionId, LocalDate day,
			String place, List<LearningRepository.PlanCount> before) {
		List<Progress> progress = rollup.added(member.unitPath(), before)
			.stream()
			.map(done -> new Progress(done.plan(), done.done()))
			.toList();
		events.publishEvent(new CheckedIn(member.accountId(), member.unitPath(), pointId, sessionId, day, "QR"));
		return new CheckInResult(place, false, progress);
	}

	private static List<Progress> progress(List<LearningRepository.PlanCount> counts, int added) {
		return counts.stream().map(count -> new Progress(count.plan(), count.done() + added)).toList();
	}

	private Member lockedMember(CurrentUser user) {
		return learning.lockedMember(user.accountId()).orElseThrow(() -> DomainException.forbidden("learning.error.not-member"));
	}

	/**
	 * The host records attendance from its list, all or none, counted on the session's day:
	 * members already recorded are left as they are; one account that is not a member of the
	 * host's subtree refuses the whole list.
	 */
	@Transactional
	public int recordAttendance(long sessionId, List<Long> accountIds, CurrentUser host) {
		StudySession session = management.hosted(sessionId, host);
		LocalDate day = heldOn(session);
		// every member locked before anything is written, in one order, as a scan locks its member:
		// a scan and a list cannot both add the same member, and two lists cannot wait for each other
		List<Long> ids = new ArrayList<>(new TreeSet<>(accountIds));
		ids.forEach(learning::lockMember);
		List<Member> members = new ArrayList<>();
		for (long accountId : ids) {
			members.add(learning.member(accountId)
				.filter(candidate -> candidate.unitPath().startsWith(session.hostUnitPath()))
				.orElseThrow(() -> new NotFoundException("member", accountId)));
		}
		// coverage rows are taken in one order too: by unit path
		members.sort(Comparator.comparing(Member::unitPath).thenComparingLong(Member::accountId));
		int added = 0;
		for (Member member : members) {
			if (!learning.attended(member.accountId(), session.id())) {
				add(member, null, session.id(), day, "LIST");
				added++;
			}
		}
		return added;
	}

	/** Writes one check-in and the coverage it moves; the caller holds the member's lock. */
	private List<Progress> add(Member member, @Nullable Long pointId, @Nullable Long sessionId, LocalDate day,
			String method) {
		learning.insertCheckIn(member.accountId(), member.unitPath(), pointId, sessionId, day, clock.instant(), method);
		List<Progress> progress = rollup.checkedIn(member.accountId(), member.unitPath(), day)
			.stream()
			.map(done -> new Progress(done.plan(), done.done()))
			.toList();
		events.publishEvent(new CheckedIn(member.accountId(), member.unitPath(), pointId, sessionId, day, method));
		return progress;
	}

	/**
	 * The day a session's attendance counts on: the day it is held, in the city's time zone.
	 * Nobody attends a session before that day, so recording then is refused.
	 */
	private LocalDate heldOn(StudySession session) {
		LocalDate day = session.startsAt().atZone(Times.ZONE).toLocalDate();
		if (today().isBefore(day)) {
			throw DomainException.conflict("learning.error.not-held", session.topic(), day.toString());
		}
		return day;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Times.ZONE));
	}

}
