package org.grassroots;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Grassroots: the campaign platform of a city's administrative hierarchy. */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class GrassrootsApplication {

	public static void main(String[] args) {
		SpringApplication.run(GrassrootsApplication.class, args);
	}

}
