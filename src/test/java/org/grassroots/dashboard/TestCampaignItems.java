package org.grassroots.dashboard;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

import org.grassroots.shared.CampaignFacts;
import org.grassroots.shared.CampaignFigures;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A module of the tests' own that counts campaign items as plans, visits and cases do: it keeps
 * each item's current figures (for the rebuild) and publishes them in a transaction of their own.
 */
@Component
class TestCampaignItems implements CampaignFacts {

	private final Map<String, CampaignFigures> items = new ConcurrentSkipListMap<>();

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	TestCampaignItems(ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.events = events;
		this.transactions = transactions;
	}

	/** The item changed: its figures become the current ones and are published. */
	void change(CampaignFigures figures) {
		items.put(figures.itemKey(), figures);
		publish(figures);
	}

	/** Publishes figures without making them current, as a late or repeated delivery would. */
	void publish(CampaignFigures figures) {
		transactions.executeWithoutResult(status -> events.publishEvent(figures));
	}

	@Override
	public void forEach(Consumer<CampaignFigures> sink) {
		items.values().forEach(sink);
	}

}
