package org.grassroots.lifeevents.internal;

import java.util.List;

import org.grassroots.shared.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The personal values of applications and profiles, and the phones of consent owners and objectors. */
@Configuration(proxyBeanMethods = false)
class LifeEventEncryptedColumns {

	@Bean
	EncryptedColumn applicationPersonalValues() {
		// only personal fields are encrypted; the others hold clear text
		return new EncryptedColumn("le_application_value", "application_id", List.of("application_id", "field_key"),
				"value_text", "lookup_hash", "field_type in ('ID_CARD', 'PHONE', 'ADDRESS')");
	}

	@Bean
	EncryptedColumn profileValues() {
		return new EncryptedColumn("le_profile_value", "account_id", List.of("account_id", "profile_key"), "value_text",
				"lookup_hash", null);
	}

	@Bean
	EncryptedColumn consentOwnerPhone() {
		return new EncryptedColumn("le_consent_owner", "id", List.of("id"), "phone_cipher", "phone_hash", null);
	}

	@Bean
	EncryptedColumn consentObjectorContact() {
		return EncryptedColumn.of("le_consent_objection", "contact_cipher");
	}

}
