package org.grassroots.dashboard.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.grassroots.learning.CheckedIn;
import org.grassroots.learning.LearningFacts;
import org.grassroots.people.AccountChanged;
import org.grassroots.people.AccountCreated;
import org.grassroots.shared.database.DatabaseFailures;
import org.grassroots.shared.database.DatabaseProbe;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the learning figures up to date with the members learning marked changed (a check-in, an
 * account written), in batches: one thread per node takes up to a batch of marks and applies them
 * with {@link LearningFeed#syncAll} in one transaction, until none is left. A check-in therefore
 * costs the figures no event publication of its own and no transaction of its own; under a stream
 * of check-ins the district's and the city's rows are written once per batch.
 * <p>
 * The thread wakes when a change commits on this node, and every poll interval for changes made on
 * other nodes. Takers skip the marks another node's batch holds. When a batch fails, its members are
 * taken again one at a time, so a member that cannot be applied fails alone; its mark stays and it is
 * tried again at the next poll.
 */
@Component
class LearningDrain implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LearningDrain.class);

	/** Members one batch takes at most. */
	static final int BATCH = 100;

	private final LearningFacts learning;

	private final LearningFeed feed;

	private final TransactionOperations transactions;

	private final DatabaseProbe database;

	private final Duration poll;

	private final Semaphore wake = new Semaphore(0);

	private volatile @Nullable Thread thread;

	private volatile boolean failing;

	LearningDrain(LearningFacts learning, LearningFeed feed, PlatformTransactionManager transactions,
			DatabaseProbe database, @Value("${grassroots.dashboard.learning-poll:PT1S}") Duration poll) {
		this.learning = learning;
		this.feed = feed;
		this.transactions = new TransactionTemplate(transactions);
		this.database = database;
		this.poll = poll;
	}

	@EventListener
	void on(CheckedIn checkedIn) {
		wakeAfterCommit();
	}

	@EventListener
	void on(AccountCreated created) {
		wakeAfterCommit();
	}

	@EventListener
	void on(AccountChanged changed) {
		wakeAfterCommit();
	}

	private void wakeAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			wake.release();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				wake.release();
			}
		});
	}

	/**
	 * Applies batches until no mark is left that this node can take; returns the members applied.
	 * The thread calls it; so may anyone who needs the figures current now.
	 */
	int drain() {
		int applied = 0;
		// a short batch took everything there was; a mark committed since then wakes the thread again
		for (int taken = BATCH; taken == BATCH && learning.anyChanged();) {
			taken = batch().size();
			applied += taken;
		}
		return applied;
	}

	/** One batch in one transaction; when it fails, its members one at a time. */
	private List<Long> batch() {
		List<Long> taken = new ArrayList<>();
		try {
			transactions.executeWithoutResult(status -> {
				taken.addAll(learning.takeChanged(BATCH, null));
				feed.syncAll(taken);
			});
			return taken;
		}
		catch (RuntimeException failed) {
			if (taken.isEmpty() || DatabaseFailures.unreachable(failed)) {
				throw failed;
			}
			// the rollback gave the marks back: each is taken again on its own
			int done = 0;
			for (long accountId : taken) {
				done += alone(accountId);
			}
			return done == 0 ? List.of() : taken;
		}
	}

	private int alone(long accountId) {
		try {
			return transactions.execute(status -> {
				List<Long> taken = learning.takeChanged(1, List.of(accountId));
				feed.syncAll(taken);
				return taken.size();
			});
		}
		catch (RuntimeException failed) {
			log.warn("The learning figures of account {} could not be brought up to date; tried again at the next poll: {}",
					accountId, DatabaseFailures.shortReason(failed));
			return 0;
		}
	}

	private void run() {
		while (thread == Thread.currentThread()) {
			try {
				wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
				wake.drainPermits();
				if (database.available()) {
					drain();
					failing = false;
				}
			}
			catch (InterruptedException stopped) {
				return;
			}
			catch (RuntimeException failed) {
				if (!failing) {
					log.warn("The learning figures wait for the database: {}", DatabaseFailures.shortReason(failed));
				}
				failing = true;
			}
		}
	}

	@Override
	public void start() {
		Thread started = new Thread(this::run, "learning-figures");
		started.setDaemon(true);
		thread = started;
		started.start();
	}

	@Override
	public void stop() {
		Thread running = thread;
		thread = null;
		if (running != null) {
			running.interrupt();
			try {
				running.join(5000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

}
