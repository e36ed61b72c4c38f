package org.grassroots.people.web;

import org.grassroots.people.MessageContacts;
import org.grassroots.people.MessageContacts.Channels;
import org.grassroots.people.MessageContacts.ChooseChannels;
import org.grassroots.shared.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in person's channels for messages. */
@RestController
@Tag(name = "Accounts")
class MessageChannelApiController {

	private final MessageContacts contacts;

	MessageChannelApiController(MessageContacts contacts) {
		this.contacts = contacts;
	}

	@GetMapping("/api/v1/me/message-channels")
	@Operation(summary = "How messages reach me: SMS to my phone (masked here), e-mail to my address, and their language")
	Channels channels(@AuthenticationPrincipal CurrentUser user) {
		return contacts.channels(user);
	}

	@PutMapping("/api/v1/me/message-channels")
	@Operation(summary = "Choose my channels and e-mail address",
			description = "Body {email, sms, byEmail, language (zh or en), version}; a blank e-mail removes it. "
					+ "400 for an address that is not one, 409 at another version; audited MESSAGE_CHANNELS_CHANGED.")
	Channels choose(@AuthenticationPrincipal CurrentUser user, @RequestBody ChooseChannels command) {
		return contacts.choose(user, command);
	}

}
