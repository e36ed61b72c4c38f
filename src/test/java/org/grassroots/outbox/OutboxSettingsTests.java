package org.grassroots.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.grassroots.outbox.internal.OutboxSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A template code per message kind binds from an environment variable, as a container sets it,
 * and from application.yml alike.
 */
class OutboxSettingsTests {

	@Test
	void aTemplateCodeFromAnEnvironmentVariableIsFoundByItsKind() {
		OutboxSettings settings = bind(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("GRASSROOTS_OUTBOX_SMS_URL", "http://127.0.0.1:9099/",
						"GRASSROOTS_OUTBOX_SMS_TEMPLATES_PROBLEM_RATE_REMINDER", "SMS_4")));
		assertThat(settings.sms().enabled()).isTrue();
		assertThat(settings.sms().template("PROBLEM_RATE_REMINDER")).isEqualTo("SMS_4");
		assertThat(settings.sms().template("PROBLEM_CLOSED")).isNull();
	}

	@Test
	void aTemplateCodeFromTheYamlIsFoundByItsKind() {
		OutboxSettings settings = bind(new MapPropertySource("yml",
				Map.of("grassroots.outbox.sms.templates.PROBLEM_CLOSED", "SMS_3")));
		assertThat(settings.sms().template("PROBLEM_CLOSED")).isEqualTo("SMS_3");
		assertThat(settings.sms().enabled()).isFalse();
	}

	private static OutboxSettings bind(org.springframework.core.env.PropertySource<?> source) {
		StandardEnvironment environment = new StandardEnvironment();
		// the machine's own variables are left out: the source given stands in for them
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(source);
		return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("grassroots.outbox",
				OutboxSettings.class);
	}

}
