package org.grassroots.outbox.internal;

import java.util.List;

import org.grassroots.shared.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Recipients (with their look-up hash) and contents of messages, and the recipients who stopped them. */
@Configuration(proxyBeanMethods = false)
class OutboxEncryptedColumns {

	@Bean
	EncryptedColumn outboxRecipient() {
		return new EncryptedColumn("outbox_message", "id", List.of("id"), "recipient_cipher", "recipient_hash", null);
	}

	@Bean
	EncryptedColumn outboxParams() {
		return EncryptedColumn.of("outbox_message", "params");
	}

	@Bean
	EncryptedColumn outboxOptOut() {
		return new EncryptedColumn("outbox_opt_out", "id", List.of("id"), "recipient_cipher", "recipient_hash", null);
	}

}
