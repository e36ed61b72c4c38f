package org.grassroots.problems;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.grassroots.problems.ProblemCommands.NewMilestone;
import org.grassroots.problems.ProblemCommands.Register;
import org.grassroots.problems.ProblemCommands.ResidentReport;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.PhoneNumbers;
import org.grassroots.shared.PlainText;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for what a new problem may carry, whichever door it came through (the report page,
 * the public JSON API, Open311, staff registration): text without control characters, a phone
 * number in its stored form, media as a few http(s) URLs and a bounded set of extra attributes.
 * Everything the public feed later hands to any client has passed here.
 */
public final class IntakeRules {

	/** The attribute under which a report's media URLs are kept. */
	public static final String MEDIA_URL = "media_url";

	public static final int MAX_MEDIA_URLS = 5;

	public static final int MAX_URL_LENGTH = 1000;

	/** Attribute codes a report may carry, besides its media URLs. */
	public static final int MAX_ATTRIBUTES = 20;

	/** Values of one attribute. */
	public static final int MAX_VALUES = 10;

	public static final int MAX_VALUE_LENGTH = 1000;

	public static final int MAX_CODE_LENGTH = 64;

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1," + MAX_CODE_LENGTH + "}");

	private IntakeRules() {
	}

	/** An absolute http or https URL with a host, at most {@value #MAX_URL_LENGTH} characters. */
	public static boolean isMediaUrl(@Nullable String url) {
		if (url == null || url.isEmpty() || url.length() > MAX_URL_LENGTH) {
			return false;
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	/** Letters, digits and {@code _ . : -}, at most {@value #MAX_CODE_LENGTH}; not the reserved media code. */
	public static boolean isAttributeCode(@Nullable String code) {
		return code != null && CODE.matcher(code).matches() && !code.equals(MEDIA_URL);
	}

	/** Values as they are kept: each cleaned to one line, blank ones dropped. */
	public static List<String> values(@Nullable List<String> given) {
		return given == null ? List.of() : given.stream().map(PlainText::line).filter(Objects::nonNull).toList();
	}

	/** The report with clean text and its phone in stored form; 400 for what no channel may store. */
	static ResidentReport clean(ResidentReport command) {
		String phone = null;
		if (command.phone() != null && !command.phone().isBlank()) {
			phone = PhoneNumbers.normalize(command.phone())
				.orElseThrow(() -> DomainException.invalid("problems.error.phone"));
		}
		return new ResidentReport(command.locationUnitId(), orEmpty(PlainText.line(command.categoryCode())),
				orEmpty(PlainText.line(command.title())), PlainText.lines(command.description()),
				PlainText.line(command.address()), command.latitude(), command.longitude(), phone,
				command.discloseIdentity(), command.duplicateOf(), attributes(command.attributes(), command.mediaUrls()),
				null);
	}

	/** Staff's registration with clean text. */
	static Register clean(Register command) {
		List<NewMilestone> milestones = command.milestones() == null ? null
				: command.milestones()
					.stream()
					.map(milestone -> milestone == null ? null
							: new NewMilestone(orEmpty(PlainText.line(milestone.title())), milestone.deadline()))
					.toList();
		return new Register(orEmpty(PlainText.line(command.title())), orEmpty(PlainText.lines(command.description())),
				command.source(), orEmpty(PlainText.line(command.categoryCode())), command.urgency(), command.type(),
				command.raisingUnitId(), command.locationUnitId(), PlainText.line(command.address()), command.latitude(), command.longitude(),
				PlainText.lines(command.standard()), PlainText.lines(command.measures()), milestones);
	}

	private static Map<String, List<String>> attributes(@Nullable Map<String, List<String>> given,
			@Nullable List<String> mediaUrls) {
		Map<String, List<String>> kept = new LinkedHashMap<>();
		List<String> media = new ArrayList<>(values(mediaUrls));
		if (given != null) {
			for (var attribute : given.entrySet()) {
				if (MEDIA_URL.equals(attribute.getKey())) {
					media.addAll(values(attribute.getValue()));
					continue;
				}
				if (!isAttributeCode(attribute.getKey())) {
					throw DomainException.invalid("problems.error.attribute-code", MAX_CODE_LENGTH);
				}
				List<String> values = values(attribute.getValue());
				if (values.size() > MAX_VALUES || values.stream().anyMatch(value -> value.length() > MAX_VALUE_LENGTH)) {
					throw DomainException.invalid("problems.error.attributes", MAX_ATTRIBUTES, MAX_VALUES, MAX_VALUE_LENGTH);
				}
				if (!values.isEmpty()) {
					kept.put(attribute.getKey(), values);
				}
			}
		}
		if (kept.size() > MAX_ATTRIBUTES) {
			throw DomainException.invalid("problems.error.attributes", MAX_ATTRIBUTES, MAX_VALUES, MAX_VALUE_LENGTH);
		}
		if (media.size() > MAX_MEDIA_URLS) {
			throw DomainException.invalid("problems.error.media-urls", MAX_MEDIA_URLS);
		}
		if (!media.stream().allMatch(IntakeRules::isMediaUrl)) {
			throw DomainException.invalid("problems.error.media-url", MAX_URL_LENGTH);
		}
		if (!media.isEmpty()) {
			kept.put(MEDIA_URL, List.copyOf(media));
		}
		return kept;
	}

	/** Blank text stays a (failing) empty string so that the command's own check names the field. */
	private static String orEmpty(@Nullable String text) {
		return text == null ? "" : text;
	}

}
