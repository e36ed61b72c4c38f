package org.grassroots.dashboard.internal;

import java.time.Duration;

import org.grassroots.learning.CheckedIn;
import org.grassroots.learning.LearningFacts;
import org.grassroots.people.AccountChanged;
import org.grassroots.people.AccountCreated;
import org.grassroots.problems.ProblemChanged;
import org.grassroots.problems.ProblemFacts;
import org.grassroots.problems.ProblemReported;
import org.grassroots.shared.database.DatabaseProbe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two streams of small writes the figures follow through marks rather than events
 * ({@link Drain}): members whose learning changed, applied by {@link LearningFeed#syncAll}, and
 * problems reported or changed, applied by {@link FigureSync#syncAll}. The events only wake the
 * drains after their commands commit; what to apply comes from the marks, written in the commands'
 * own transactions.
 */
@Component
class FigureDrains implements SmartLifecycle {

	/** Members one batch takes at most. */
	static final int MEMBERS = 100;

	/** Problems one batch takes at most. */
	static final int PROBLEMS = 50;

	private final Drain learning;

	private final Drain problems;

	FigureDrains(LearningFacts learningFacts, LearningFeed learningFeed, ProblemFacts problemFacts, FigureSync figureSync,
			PlatformTransactionManager transactions, DatabaseProbe database,
			@Value("${grassroots.dashboard.poll:PT1S}") Duration poll) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		this.learning = new Drain("learning figures", Drain.Source.of(learningFacts::anyChanged, learningFacts::takeChanged),
				learningFeed::syncAll, MEMBERS, template, database::available, poll);
		this.problems = new Drain("problem counters", Drain.Source.of(problemFacts::anyChanged, problemFacts::takeChanged),
				figureSync::syncAll, PROBLEMS, template, database::available, poll);
	}

	@EventListener
	void on(CheckedIn checkedIn) {
		learning.wakeAfterCommit();
	}

	@EventListener
	void on(AccountCreated created) {
		learning.wakeAfterCommit();
	}

	@EventListener
	void on(AccountChanged changed) {
		learning.wakeAfterCommit();
	}

	@EventListener
	void on(ProblemReported reported) {
		problems.wakeAfterCommit();
	}

	@EventListener
	void on(ProblemChanged changed) {
		problems.wakeAfterCommit();
	}

	@Override
	public void start() {
		learning.start();
		problems.start();
	}

	@Override
	public void stop() {
		learning.stop();
		problems.stop();
	}

	@Override
	public boolean isRunning() {
		return learning.running();
	}

}
