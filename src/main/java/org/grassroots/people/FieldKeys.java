package org.grassroots.people;

import java.util.List;
import java.util.Map;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.FieldRekeyer;
import org.grassroots.shared.Role;
import org.grassroots.shared.jobs.RunOnce;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * The security administrator's view of the keys for personal data (docs/operations.md, Keys):
 * the algorithms in use, the current and earlier field keys by id (never the keys), and how many
 * values still wait under an earlier algorithm or key; and a pass of the rewriting started now
 * rather than at the next hour. Keys themselves come from the environment or a key file, never
 * from the database or a page. Only a security administrator for the whole city: the keys are.
 */
@Service
public class FieldKeys {

	private final FieldRekeyer rekeyer;

	private final FieldCipher cipher;

	private final RunOnce once;

	private final TaskExecutor executor;

	FieldKeys(FieldRekeyer rekeyer, FieldCipher cipher, RunOnce once,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.rekeyer = rekeyer;
		this.cipher = cipher;
		this.once = once;
		this.executor = executor;
	}

	/**
	 * @param algorithms {@code standard} or {@code national}
	 * @param currentKey the id of the key values are written with
	 * @param previousKeys the ids of the earlier keys still read
	 * @param remaining values under an earlier algorithm or key, by table and column
	 */
	public record Status(String algorithms, String currentKey, List<String> previousKeys, Map<String, Long> remaining) {

		public long total() {
			return remaining.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	public Status status(CurrentUser user) {
		check(user);
		return new Status(cipher.suite().setting(), cipher.currentKeyId(), cipher.previousKeyIds(), rekeyer.remaining());
	}

	/** Starts a pass in the background, unless one runs on some node; it leaves an audit record if it rewrites anything. */
	public void rekeyNow(CurrentUser user) {
		check(user);
		executor.execute(() -> once.run(FieldRekeyer.LOCK, rekeyer::rekey));
	}

	/** Whether this person manages the keys: a security administrator whose reach is the whole city. */
	public static boolean manages(CurrentUser user) {
		return user.has(Role.SECURITY_ADMIN) && user.accountsScope().all();
	}

	private static void check(CurrentUser user) {
		if (!manages(user)) {
			throw DomainException.forbidden("people.error.keys-city-wide");
		}
	}

}
