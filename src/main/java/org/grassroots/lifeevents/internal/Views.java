package org.grassroots.lifeevents.internal;

import java.util.List;

import org.grassroots.lifeevents.Application;
import org.grassroots.lifeevents.ApplicationView;
import org.grassroots.lifeevents.FieldType;
import org.grassroots.lifeevents.FieldValue;
import org.springframework.context.i18n.LocaleContextHolder;
import org.grassroots.shared.FieldCipher;
import org.springframework.stereotype.Component;

/** Puts an application's parts together, its personal values in full or masked. */
@Component
public class Views {

	private final ApplicationRepository applications;

	private final FieldCipher cipher;

	Views(ApplicationRepository applications, FieldCipher cipher) {
		this.applications = applications;
		this.cipher = cipher;
	}

	public ApplicationView of(Application application, boolean inFull) {
		return new ApplicationView(application, values(application.id(), inFull), applications.documents(application.id()),
				applications.tasks(application.id()), applications.requests(application.id()));
	}

	/** A stored choice {@code code|中文|English} in the reader's language. */
	private static String choiceLabel(String stored) {
		String[] parts = stored.split("\\|");
		if (parts.length < 3) {
			return stored;
		}
		return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? parts[2] : parts[1];
	}

	public List<FieldValue> values(long applicationId, boolean inFull) {
		return applications.values(applicationId).stream().map(stored -> {
			String value = stored.stored();
			if (value != null && stored.type() == FieldType.CHOICE) {
				return new FieldValue(stored.key(), stored.labelZh(), stored.labelEn(), stored.type(), choiceLabel(value), false);
			}
			if (value == null || !stored.type().personal()) {
				return new FieldValue(stored.key(), stored.labelZh(), stored.labelEn(), stored.type(), value, false);
			}
			String clear = cipher.decrypt(value);
			return new FieldValue(stored.key(), stored.labelZh(), stored.labelEn(), stored.type(),
					inFull ? clear : PersonalData.mask(stored.type(), clear), !inFull);
		}).toList();
	}

}
