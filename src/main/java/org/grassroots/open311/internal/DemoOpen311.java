package org.grassroots.open311.internal;

import java.time.Clock;

import org.grassroots.people.DemoDataLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo reference areas for a few Nan'an and Yuzhong units (rough points, marked demo), and a demo
 * client key whose secret is published in the README like the demo password.
 */
@Component
class DemoOpen311 {

	static final String DEMO_KEY = "o311_demo_grassroots";

	private final AreaRepository areas;

	private final KeyRepository keys;

	private final Clock clock;

	DemoOpen311(AreaRepository areas, KeyRepository keys, Clock clock) {
		this.areas = areas;
		this.keys = keys;
		this.clock = clock;
	}

	@EventListener
	void on(DemoDataLoaded loaded) {
		areas.upsert("500108", 29.5200, 106.5600, 15_000, true);
		areas.upsert("500108002", 29.5280, 106.5660, 2_000, true);
		areas.upsert("500108002001", 29.5300, 106.5640, 400, true);
		areas.upsert("500103", 29.5560, 106.5700, 5_000, true);
		areas.upsert("500103901", 29.5580, 106.5770, 1_000, true);
		keys.insert("演示客户端 demo client", org.grassroots.open311.Open311Keys.hashOf(DEMO_KEY), DEMO_KEY.substring(0, 9),
				"demo", clock.instant());
	}

}
