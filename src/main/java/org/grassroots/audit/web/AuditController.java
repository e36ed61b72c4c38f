package org.grassroots.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.grassroots.audit.AuditEntry;
import org.grassroots.audit.AuditLog;
import org.grassroots.audit.AuditQuery;
import org.grassroots.shared.AccountNames;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.Times;
import org.grassroots.shared.UnitNames;
import org.grassroots.shared.web.Messages;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit page: records in the viewer's scope as sentences, 50 a page, filtered by who (name or
 * username), kind, subject (ledger number, username, unit name), unit (picked by name) and days.
 * Names are turned into what the records hold before the query; a filter that cannot be read is
 * said on the page, with the filters as they were typed.
 */
@PageController
class AuditController {

	static final int PAGE = 50;

	/** At most this many accounts or units a name can stand for in a filter. */
	static final int NAMED = 200;

	private final AuditLog audit;

	private final AuditLines lines;

	private final UnitNames units;

	private final AccountNames accounts;

	private final Messages messages;

	AuditController(AuditLog audit, AuditLines lines, UnitNames units, AccountNames accounts, Messages messages) {
		this.audit = audit;
		this.lines = lines;
		this.units = units;
		this.accounts = accounts;
		this.messages = messages;
	}

	/** The filters as typed, kept for the form and the pager's links. */
	record Filter(String actor, String kind, String subject, String unit, String from, String to) {

		Map<String, String> params() {
			Map<String, String> params = new LinkedHashMap<>();
			params.put("actor", actor);
			params.put("kind", kind);
			params.put("subject", subject);
			params.put("unit", unit);
			params.put("from", from);
			params.put("to", to);
			params.values().removeIf(String::isEmpty);
			return params;
		}

	}

	/** A group of kinds for the filter's select, with their names. */
	record KindGroup(String label, List<KindChoice> kinds) {

	}

	record KindChoice(String code, String label) {

	}

	@GetMapping("/audit")
	String page(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String unit,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String before, @RequestParam(defaultValue = "") String after,
			@RequestParam(defaultValue = "1") String page, Model model, @AuthenticationPrincipal CurrentUser user) {
		Filter filter = new Filter(actor.trim(), kind.trim(), subject.trim(), unit.trim(), from.trim(), to.trim());
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("filter", filter);
		model.addAttribute("kindGroups", kindGroups(locale));
		model.addAttribute("unitName", filter.unit());
		model.addAttribute("unitCode", "");
		List<String> errors = new ArrayList<>();
		String unitPath = null;
		if (!filter.unit().isEmpty()) {
			try {
				UnitNames.Named chosen = units.resolve(filter.unit(), user.auditScope());
				unitPath = chosen.path();
				model.addAttribute("unitName", chosen.name(locale.getLanguage()));
				model.addAttribute("unitCode", chosen.code());
			}
			catch (DomainException refused) {
				model.addAttribute("unitError", messages.text(refused));
			}
		}
		if (!filter.kind().isEmpty() && AuditKinds.of(filter.kind()).isEmpty()) {
			errors.add(messages.text("audit.error.kind"));
		}
		Instant start = day(filter.from(), 0, errors);
		Instant end = day(filter.to(), 1, errors);
		if (start != null && end != null && !start.isBefore(end)) {
			errors.add(messages.text("audit.error.days"));
		}
		Long olderThan = number(before);
		Long newerThan = olderThan == null ? number(after) : null;
		int pageNumber = Math.max(1, number(page) == null ? 1 : (int) Math.min(number(page), 1_000_000));
		List<AuditEntry> found = List.of();
		if (errors.isEmpty() && !model.containsAttribute("unitError")) {
			found = audit.search(new AuditQuery(actors(filter.actor()), unitPath, filter.kind().isEmpty() ? null : filter.kind(),
					subjects(filter.subject(), user), start, end, olderThan, newerThan, 0, PAGE + 1), user);
		}
		// one row more than a page says whether there is another page that way, without counting
		boolean more = found.size() > PAGE;
		List<AuditEntry> shown = more ? (newerThan != null ? found.subList(1, found.size()) : found.subList(0, PAGE)) : found;
		boolean hasNewer = newerThan != null ? more : olderThan != null;
		boolean hasOlder = newerThan != null || more;
		if (!hasNewer) {
			pageNumber = 1;
		}
		model.addAttribute("errors", errors);
		model.addAttribute("lines", lines.of(shown, locale, user.scope()));
		model.addAttribute("pageNumber", pageNumber);
		model.addAttribute("newer", hasNewer && !shown.isEmpty() ? link(filter, "after", shown.get(0).id(), pageNumber - 1) : null);
		model.addAttribute("older", hasOlder && !shown.isEmpty()
				? link(filter, "before", shown.get(shown.size() - 1).id(), pageNumber + 1) : null);
		return "audit/list";
	}

	/** Who the actor filter stands for: the text as a username (also "system"), and accounts named so. */
	private Set<String> actors(String text) {
		if (text.isEmpty()) {
			return Set.of();
		}
		Set<String> usernames = new LinkedHashSet<>();
		usernames.add(text);
		usernames.addAll(accounts.usernamesNamed(text, NAMED));
		for (String special : List.of("system", "resident")) {
			if (text.equals(messages.text("audit.actor." + special))) {
				usernames.add(special);
			}
		}
		return usernames;
	}

	/** What the subject filter stands for: the text itself (a ledger number, a username), accounts and units so named. */
	private Set<String> subjects(String text, CurrentUser user) {
		if (text.isEmpty()) {
			return Set.of();
		}
		Set<String> subjects = new LinkedHashSet<>();
		subjects.add(text);
		subjects.addAll(accounts.usernamesNamed(text, NAMED));
		subjects.addAll(units.codesNamed(text, user.auditScope(), NAMED));
		return subjects;
	}

	private List<KindGroup> kindGroups(Locale locale) {
		List<KindGroup> groups = new ArrayList<>();
		for (String group : AuditKinds.GROUPS) {
			groups.add(new KindGroup(messages.text("audit.group." + group), AuditKinds.listedIn(group)
				.stream()
				.map(kind -> new KindChoice(kind.code(), messages.text("audit.kind." + kind.code())))
				.toList()));
		}
		return groups;
	}

	/** The start of a day in Asia/Shanghai, plus some days; a date that cannot be read is said on the page. */
	private @Nullable Instant day(String text, int plusDays, List<String> errors) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text).plusDays(plusDays).atStartOfDay(Times.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.add(messages.text("audit.error.date", text));
			return null;
		}
	}

	private static @Nullable Long number(String text) {
		try {
			long value = Long.parseLong(text.trim());
			return value > 0 ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A page's address: the filters as typed, where to continue from, and the page's number to show. */
	private static String link(Filter filter, String cursor, long id, int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/audit");
		filter.params().forEach(uri::queryParam);
		return uri.queryParam(cursor, id).queryParam("page", Math.max(1, page)).encode().build().toUriString();
	}

}
