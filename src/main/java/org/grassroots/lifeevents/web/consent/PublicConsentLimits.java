package org.grassroots.lifeevents.web.consent;

import java.time.Duration;

import org.grassroots.shared.RateLimits;
import org.grassroots.shared.RateLimits.Limit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What one client address may do on the consent's public pages, per node: send objections, and
 * open or use voting links (which slows anyone guessing links, 160 random bits though they are).
 */
@Component
class PublicConsentLimits {

	private final RateLimits limits;

	private final Limit objections;

	private final Limit links;

	PublicConsentLimits(RateLimits limits,
			@Value("${grassroots.lifeevents.consent.objections-per-hour:5}") long objectionsPerHour,
			@Value("${grassroots.lifeevents.consent.link-lookups-per-minute:30}") long linksPerMinute) {
		this.limits = limits;
		this.objections = new Limit("consent-objections", objectionsPerHour, Duration.ofHours(1));
		this.links = new Limit("consent-links", linksPerMinute, Duration.ofMinutes(1));
	}

	void objection(HttpServletRequest request) {
		limits.consume(objections, request.getRemoteAddr(), 1);
	}

	void link(HttpServletRequest request) {
		limits.consume(links, request.getRemoteAddr(), 1);
	}

}
