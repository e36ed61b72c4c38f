package org.grassroots.outbox.internal;

import java.util.EnumMap;
import java.util.Map;

import org.grassroots.outbox.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The channels this deployment has: e-mail when Spring's mail sender is configured
 * ({@code spring.mail.host}), SMS when a gateway address is. A channel that is not configured
 * gets no messages written at all.
 */
@Component
@EnableConfigurationProperties(OutboxSettings.class)
public class Deliveries {

	private final Map<Channel, Delivery> byChannel = new EnumMap<>(Channel.class);

	Deliveries(OutboxSettings settings, ObjectProvider<JavaMailSender> mail, JsonMapper json) {
		mail.ifAvailable(sender -> byChannel.put(Channel.EMAIL, new MailDelivery(sender, settings.mail().from())));
		if (settings.sms().enabled()) {
			byChannel.put(Channel.SMS, new SmsDelivery(settings.sms(), json));
		}
	}

	public boolean has(Channel channel) {
		return byChannel.containsKey(channel);
	}

	@Nullable Delivery of(Channel channel) {
		return byChannel.get(channel);
	}

}
