package org.grassroots.people.internal;

import java.util.List;

import org.grassroots.shared.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The personal data of accounts kept encrypted: phones with their lookup hash, authenticator secrets. */
@Configuration(proxyBeanMethods = false)
class PeopleEncryptedColumns {

	@Bean
	EncryptedColumn accountPhone() {
		return new EncryptedColumn("account", "id", List.of("id"), "phone_cipher", "phone_hash", null);
	}

	@Bean
	EncryptedColumn accountEmail() {
		return new EncryptedColumn("account", "id", List.of("id"), "email_cipher", "email_hash", null);
	}

	@Bean
	EncryptedColumn accountSecondFactor() {
		return EncryptedColumn.of("account", "totp_secret_cipher");
	}

	@Bean
	EncryptedColumn accountSecondFactorPending() {
		return EncryptedColumn.of("account", "totp_pending_cipher");
	}

}
