package org.grassroots.problems.web;

import java.time.Duration;

import org.grassroots.shared.RateLimits;
import org.grassroots.shared.RateLimits.Limit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What one client address may do without an account, per node: file reports, look up tracking
 * codes, and send files with reports. docs/problems.md gives the limits.
 */
@Component
class PublicLimits {

	private final RateLimits limits;

	private final Limit reports;

	private final Limit lookups;

	private final Limit uploadBytes;

	PublicLimits(RateLimits limits, @Value("${grassroots.problems.public.reports-per-hour:10}") long reportsPerHour,
			@Value("${grassroots.problems.public.lookups-per-minute:30}") long lookupsPerMinute,
			@Value("${grassroots.problems.public.upload-megabytes-per-hour:60}") long uploadMegabytesPerHour) {
		this.limits = limits;
		this.reports = new Limit("public-reports", reportsPerHour, Duration.ofHours(1));
		this.lookups = new Limit("tracking-lookups", lookupsPerMinute, Duration.ofMinutes(1));
		this.uploadBytes = new Limit("public-upload-bytes", uploadMegabytesPerHour * 1024 * 1024, Duration.ofHours(1));
	}

	/** One report about to be saved, and the bytes of its files. */
	void report(HttpServletRequest request, long bytes) {
		limits.consume(reports, request.getRemoteAddr(), 1);
		limits.consume(uploadBytes, request.getRemoteAddr(), bytes);
	}

	/** One look-up by tracking code: reading a report or rating it. */
	void lookup(HttpServletRequest request) {
		limits.consume(lookups, request.getRemoteAddr(), 1);
	}

}
