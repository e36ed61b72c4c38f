package org.grassroots.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.grassroots.audit.internal.ArchiveFileCheck;
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

	private final ArchiveFileCheck files;

	AuditArchives(AuditArchiver archiver, AuditSealer sealer, ArchiveFileCheck files, Clock clock,
			@Value("${grassroots.audit.retention:P6M}") Period retention) {
		this.archiver = archiver;
		this.files = files;
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

	/**
	 * Checks an archive's file: the bytes archived, the chain inside it whole from its first hash to
	 * its head, and that head where the next archive (or the kept chain) starts.
	 */
	public ArchiveCheck check(long id) {
		AuditArchive archive = archiver.find(id).orElseThrow(() -> new NotFoundException("audit archive", id));
		Optional<AuditArchive> before = archiver.list().stream().filter(a -> a.toSeal() == archive.fromSeal() - 1).findFirst();
		if (before.isPresent() && !before.get().headHash().equals(archive.prevHash())) {
			return new ArchiveCheck(false, 0, 0, "the archive does not start where the one before it ends");
		}
		return files.check(archive, archiver.file(archive));
	}

	/** An archive's file, to keep on storage of its own. */
	public Path file(long id) {
		return archiver.find(id).map(archiver::file).orElseThrow(() -> new NotFoundException("audit archive", id));
	}

}
