package org.grassroots.lifeevents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.grassroots.lifeevents.LifeEventCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;


/**
 * Loads the shipped first catalogue (classpath lifeevents/catalogue/CODE.json) as version 1 of every
 * event that is not in the database yet; an event already there, in whatever version, is left alone.
 */
@Component
class CatalogueSeed {

	private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);

	private final LifeEventCatalogue catalogue;

	private final CatalogueRepository definitions;

	CatalogueSeed(LifeEventCatalogue catalogue, CatalogueRepository definitions) {
		this.catalogue = catalogue;
		this.definitions = definitions;
	}

	@EventListener(ApplicationStartedEvent.class)
	void load() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:lifeevents/catalogue/*.json");
		for (Resource file : files) {
			String name = file.getFilename();
			String code = name.substring(0, name.length() - ".json".length());
			try (InputStream in = file.getInputStream()) {
				if (catalogue.seed(code, definitions.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)))) {
					log.info("Seeded life event {} version 1", code);
				}
			}
		}
	}

}
