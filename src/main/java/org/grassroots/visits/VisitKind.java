package org.grassroots.visits;

import java.util.Arrays;
import java.util.Locale;

import org.grassroots.shared.DomainException;
import org.jspecify.annotations.Nullable;

/** What a leading cadre went down to do, as the glossary names the four kinds of 四下基层. */
public enum VisitKind {

	PUBLICITY("宣传"), RESEARCH("调查研究"), PETITION_RECEPTION("信访接待"), ON_SITE_OFFICE("现场办公");

	private final String nameZh;

	VisitKind(String nameZh) {
		this.nameZh = nameZh;
	}

	/** The Chinese name, for labels stored once (a problem's link to its visit), like unit names. */
	public String nameZh() {
		return nameZh;
	}

	/** The measure the dashboard counts visits of this kind under, e.g. {@code VISITS_RESEARCH}. */
	public String measure() {
		return "VISITS_" + name();
	}

	/** A kind as a client or form sent it; an unknown one is refused naming the field and the value. */
	public static VisitKind parse(@Nullable String text) {
		String code = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(kind -> kind.name().equals(code))
			.findFirst()
			.orElseThrow(() -> DomainException.invalid("visits.error.unknown-kind", text == null ? "" : text));
	}

}
