package org.grassroots.cases.web;

import org.grassroots.shared.DataScope;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.UnitNames;
import org.grassroots.shared.web.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

/**
 * The unit a list is filtered by, as the unit picker sends it: a code, or a name typed without
 * JavaScript. Any unit of the city may be named, since a published case reaches beyond the
 * reader's scope; what is listed stays scoped by the query.
 */
record UnitChoice(@Nullable String code, String text, @Nullable String error) {

	static UnitChoice of(@Nullable String typed, UnitNames names, Messages messages) {
		if (typed == null || typed.isBlank()) {
			return new UnitChoice(null, "", null);
		}
		try {
			UnitNames.Named unit = names.resolve(typed.trim(), DataScope.CITY);
			return new UnitChoice(unit.code(), unit.name(LocaleContextHolder.getLocale().getLanguage()), null);
		}
		catch (DomainException refused) {
			return new UnitChoice(null, typed, messages.text(refused));
		}
	}

	void addTo(Model model) {
		model.addAttribute("unitCode", code);
		model.addAttribute("unitName", text);
		model.addAttribute("unitError", error);
	}

}
