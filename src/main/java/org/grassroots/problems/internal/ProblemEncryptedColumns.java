package org.grassroots.problems.internal;

import java.util.List;

import org.grassroots.shared.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reporters' phones kept encrypted, with their lookup hash. */
@Configuration(proxyBeanMethods = false)
class ProblemEncryptedColumns {

	@Bean
	EncryptedColumn problemReporterPhone() {
		return new EncryptedColumn("problem", "id", List.of("id"), "reporter_phone_cipher", "reporter_phone_hash", null);
	}

}
