package org.grassroots.outbox.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.outbox.OptOuts;
import org.grassroots.outbox.OutboxAdministration;
import org.grassroots.outbox.OutboxAdministration.MessageView;
import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.UnitNames;
import org.grassroots.shared.web.Messages;
import org.grassroots.shared.web.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system administrator's view of the outbox (消息发送, docs/outbox.md), and the page a
 * resident's stop link opens.
 */
@PageController
class OutboxPages {

	private final OutboxAdministration administration;

	private final OptOuts optOuts;

	private final UnitNames units;

	private final Messages messages;

	OutboxPages(OutboxAdministration administration, OptOuts optOuts, UnitNames units, Messages messages) {
		this.administration = administration;
		this.optOuts = optOuts;
		this.units = units;
		this.messages = messages;
	}

	/** A message with the name of the unit it is about and why it failed, in the reader's language. */
	record Row(MessageView message, String unitName, @Nullable String reason) {

	}

	@GetMapping("/outbox")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String state,
			Model model) {
		String shown = state == null || state.isBlank() ? "FAILED" : state;
		String filter = "ALL".equals(shown) ? null : shown;
		List<MessageView> found = administration.messages(user, filter);
		model.addAttribute("counts", counts(administration.counts(user)));
		model.addAttribute("state", shown);
		model.addAttribute("rows", rows(found));
		return "outbox/messages";
	}

	@PostMapping("/outbox/{id}/retry")
	String retry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		try {
			administration.retry(user, id, version);
			redirect.addFlashAttribute("notice", messages.text("outbox.retried"));
		}
		catch (DomainException refused) {
			if (refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			redirect.addFlashAttribute("error", messages.text(refused));
		}
		return "redirect:/outbox";
	}

	/** Asks before stopping: a link a mail scanner opens must not stop anything. */
	@GetMapping("/stop/{token}")
	String stopForm(@PathVariable String token, Model model) {
		model.addAttribute("recipient", known(optOuts.recipientOf(token)));
		model.addAttribute("token", token);
		return "outbox/stop";
	}

	@PostMapping("/stop/{token}")
	String stop(@PathVariable String token, Model model) {
		model.addAttribute("recipient", known(optOuts.stopByLink(token)));
		model.addAttribute("stopped", true);
		return "outbox/stop";
	}

	private static String known(Optional<String> recipient) {
		return recipient.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private List<Row> rows(List<MessageView> found) {
		List<String> codes = found.stream().map(message -> lastCode(message.unitPath())).distinct().toList();
		Map<String, UnitNames.Named> named = units.byCodes(codes);
		String language = LocaleContextHolder.getLocale().getLanguage();
		return found.stream().map(message -> {
			UnitNames.Named unit = named.get(lastCode(message.unitPath()));
			return new Row(message, unit == null ? "—" : unit.name(language), reason(message.lastError()));
		}).toList();
	}

	/** {@code <reason>: <detail>} as a sentence; the detail is the provider's own words, or a kind's name. */
	private @Nullable String reason(@Nullable String stored) {
		if (stored == null) {
			return null;
		}
		int colon = stored.indexOf(':');
		String code = colon < 0 ? "" : stored.substring(0, colon);
		String detail = colon < 0 ? stored : stored.substring(colon + 1).trim();
		if (!code.matches("[a-z-]+")) {
			return stored;
		}
		Object shown = "no-template".equals(code) ? messages.text("outbox.kind." + detail) : detail;
		return messages.text("outbox.reason." + code, shown);
	}

	private static Map<String, Integer> counts(Map<String, Integer> found) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		OutboxAdministration.STATES.forEach(state -> counts.put(state, found.getOrDefault(state, 0)));
		return counts;
	}

	static String lastCode(String path) {
		String[] codes = path.split("/");
		return codes.length == 0 ? "" : codes[codes.length - 1];
	}

}
