package org.grassroots.learning.web;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.grassroots.learning.LearningManagement;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.SignInReason;
import org.springframework.stereotype.Component;

/**
 * A member who scans a check-in code while signed out is sent to sign in; the sign-in page then
 * names the point or session. Only a code that verifies names anything, so a made-up link cannot
 * put words on the sign-in page.
 */
@Component
class CheckInSignInReason implements SignInReason {

	private static final Pattern CHECK_IN = Pattern.compile("/learn/(points|sessions)/(\\d{1,18})/check-in");

	private final LearningManagement learning;

	private final Messages messages;

	CheckInSignInReason(LearningManagement learning, Messages messages) {
		this.learning = learning;
		this.messages = messages;
	}

	@Override
	public Optional<String> reason(String path, Map<String, String> parameters) {
		Matcher matcher = CHECK_IN.matcher(path);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			long id = Long.parseLong(matcher.group(2));
			long key = Long.parseLong(parameters.getOrDefault("k", "0"));
			String signature = parameters.getOrDefault("s", "");
			String place = matcher.group(1).equals("points") ? learning.scannedPoint(id, key, signature).name()
					: learning.scannedSession(id, key, signature).topic();
			return Optional.of(messages.text("learn.sign-in-to-check-in", place));
		}
		catch (DomainException | NotFoundException | NumberFormatException ex) {
			return Optional.of(messages.text("learn.sign-in-to-check-in-anywhere"));
		}
	}

}
