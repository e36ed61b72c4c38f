package org.grassroots.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.grassroots.audit.internal.AuditArchiver;
import org.grassroots.audit.internal.AuditSealer;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Times;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Retention (level 3: audit records kept at least six months): sealed batches whose every record is
 * older than {@code grassroots.audit.retention} may be archived to a file and removed; nothing
 * younger ever is, and a retention shorter than six months stops the application at start.
 */
@Service
public class AuditArchives {

	/** The least retention level 3 allows. */
	static final Period MINIMUM = Period.ofMonths(6);

	private final AuditArchiver archiver;

	private final AuditSealer sealer;

	private final Clock clock;

	private final Period retention;

	AuditArchives(AuditArchiver archiver, AuditSealer sealer, Clock clock,
			@Value("${grassroots.audit.retention:P6M}") Period retention) {
		this.archiver = archiver;
		this.sealer = sealer;
		this.clock = clock;
		this.retention = checked(retention);
	}

	static Period checked(Period retention) {
		ZonedDateTime reference = ZonedDateTime.of(2024, 8, 31, 0, 0, 0, 0, Times.ZONE);
		if (reference.minus(retention).isAfter(reference.minus(MINIMUM))) {
			throw new IllegalStateException("grassroots.audit.retention (" + retention
					+ ") must be at least six months (P6M): level 3 keeps audit records that long");
		}
		return retention;
	}

	/** Records older than this may be archived: now less the retention, in Shanghai's calendar. */
	public Instant cutoff() {
		return clock.instant().atZone(Times.ZONE).minus(retention).toInstant();
	}

	/** The auditor's: seals what is pending, then archives every whole batch older than the cutoff; empty when none is. */
	public Optional<AuditArchive> archive(CurrentUser by) {
		if (!by.has(org.grassroots.shared.Role.SECURITY_AUDITOR)) {
			throw org.grassroots.shared.DomainException.forbidden("error.403.text");
		}
		sealer.sealPending();
		return archiver.archive(cutoff(), clock.instant(), by.getUsername());
	}

	public List<AuditArchive> list() {
		return archiver.list();
	}

	/** An archive's file, to keep on storage of its own. */
	public Path file(long id) {
		return archiver.find(id).map(archiver::file).orElseThrow(() -> new NotFoundException("audit archive", id));
	}

}
