package org.grassroots.outbox.internal;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.grassroots.outbox.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mail through Spring's mail support; on when {@code spring.mail.host} is set. */
class MailDelivery implements Delivery {

	private final JavaMailSender mail;

	private final String from;

	MailDelivery(JavaMailSender mail, String from) {
		this.mail = mail;
		this.from = from;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	/** A refused address or message will be refused again; a server away or busy may not be. */
	@Override
	public @Nullable String send(Outgoing message) throws DeliveryFailed {
		try {
			mail.send(mime(message));
			return null;
		}
		catch (MailParseException | MailPreparationException | MailAuthenticationException ex) {
			throw new DeliveryFailed(reason(ex), true, ex);
		}
		catch (MailException ex) {
			throw new DeliveryFailed(reason(ex), false, ex);
		}
		catch (MessagingException ex) {
			throw new DeliveryFailed(reason(ex), true, ex);
		}
	}

	private MimeMessage mime(Outgoing message) throws MessagingException {
		MimeMessage mime = mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
		helper.setFrom(from);
		helper.setTo(message.address());
		helper.setSubject(message.subject());
		helper.setText(message.text(), false);
		// lets a receiving system tell a message sent again after a crash from a new one
		mime.setHeader("X-Grassroots-Message", String.valueOf(message.id()));
		return mime;
	}

	private static String reason(Exception ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = root.getClass().getSimpleName() + ": " + root.getMessage();
		return "smtp: SMTP " + text;
	}

}
