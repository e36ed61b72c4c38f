package org.grassroots.units.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.NotFoundException;
import org.grassroots.shared.Role;
import org.grassroots.shared.UnitNames;
import org.grassroots.shared.web.Messages;
import org.grassroots.units.Batch;
import org.grassroots.units.CreateUnit;
import org.grassroots.units.MoveUnit;
import org.grassroots.units.RenameUnit;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitBoundaries;
import org.grassroots.units.UnitBoundary;
import org.grassroots.units.UnitImportRefused;
import org.grassroots.units.UnitKind;
import org.grassroots.units.UnitLevel;
import org.grassroots.units.UnitLookup;
import org.grassroots.units.UnitManagement;
import org.grassroots.units.internal.GeoJsonShapes;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.grassroots.shared.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

@PageController
@RequestMapping("/units")
class UnitPageController {

	private final UnitManagement units;

	private final Messages messages;

	private final UnitLookup lookup;

	private final UnitBoundaries boundaries;

	UnitPageController(UnitManagement units, Messages messages, UnitLookup lookup, UnitBoundaries boundaries) {
		this.units = units;
		this.messages = messages;
		this.lookup = lookup;
		this.boundaries = boundaries;
	}

	@GetMapping
	String tree(Model model, @AuthenticationPrincipal CurrentUser user) {
		model.addAttribute("roots", units.roots(user.unitsScope()));
		model.addAttribute("canManage", canManage(user));
		return "units/tree";
	}

	@GetMapping("/{id}/children")
	String children(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		model.addAttribute("nodes", units.children(id, user.unitsScope(), 0));
		return "units/tree :: nodes";
	}

	@GetMapping("/search")
	String search(@RequestParam(defaultValue = "") String q, Model model, @AuthenticationPrincipal CurrentUser user) {
		model.addAttribute("results", units.search(q, user.unitsScope()));
		model.addAttribute("q", q);
		return "units/tree :: results";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model, @AuthenticationPrincipal CurrentUser user) {
		Unit unit = units.get(id, user.unitsScope());
		model.addAttribute("unit", unit);
		model.addAttribute("lineage", units.lineage(unit, user.unitsScope()));
		model.addAttribute("children", units.children(id, user.unitsScope(), 0));
		model.addAttribute("canManage", canManage(user));
		model.addAttribute("canChange", canManage(user)
				&& (user.has(Role.CITY_ADMIN) || user.unitsAdministered().all() || !unit.path().equals(user.unitPath())));
		model.addAttribute("levels", List.of(UnitLevel.DISTRICT, UnitLevel.STREET, UnitLevel.COMMUNITY));
		model.addAttribute("batches", Batch.values());
		model.addAttribute("kinds", UnitKind.values());
		model.addAttribute("boundary", boundaries.find(id, user.unitsScope()).orElse(null));
		model.addAttribute("maxVertices", GeoJsonShapes.MAX_VERTICES);
		return "units/detail";
	}

	/** A refused boundary comes back on the unit's page, in the reader's language, with its status. */
	@PostMapping("/{id}/boundary")
	String setBoundary(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) Integer version, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws java.io.IOException {
		try {
			UnitBoundary set = boundaries.set(id, UnitBoundaryApiController.read(file.getInputStream()), version, user);
			redirect.addFlashAttribute("notice", messages.text("units.boundary.imported", set.vertices(),
					String.format(java.util.Locale.ROOT, "%.3f", set.areaKm2())));
			return "redirect:/units/" + id;
		}
		catch (DomainException ex) {
			return boundaryRefused(id, ex, user, model, response);
		}
	}

	@PostMapping("/{id}/boundary/remove")
	String removeBoundary(@PathVariable long id, @RequestParam(required = false) Integer version,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			boundaries.remove(id, version, user);
			redirect.addFlashAttribute("notice", messages.text("units.boundary.removed"));
			return "redirect:/units/" + id;
		}
		catch (DomainException ex) {
			return boundaryRefused(id, ex, user, model, response);
		}
	}

	private String boundaryRefused(long id, DomainException ex, CurrentUser user, Model model,
			HttpServletResponse response) {
		response.setStatus(ex.status().value());
		model.addAttribute("boundaryError", messages.text(ex));
		return detail(id, model, user);
	}

	@PostMapping
	String create(@RequestParam long parentId, @RequestParam String code, @RequestParam String nameZh,
			@RequestParam(required = false) String nameEn, @RequestParam UnitLevel level,
			@RequestParam(required = false) Batch batch, @RequestParam UnitKind kind,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			Unit created = units.create(new CreateUnit(code.trim(), parentId, nameZh, nameEn, level, batch, kind), user);
			redirect.addFlashAttribute("notice", messages.text("units.created", created.nameZh()));
			return "redirect:/units/" + created.id();
		}
		catch (DomainException ex) {
			return refused(redirect, ex, parentId);
		}
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable long id, @RequestParam String nameZh, @RequestParam(required = false) String nameEn,
			@RequestParam int version, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			units.rename(id, new RenameUnit(nameZh, nameEn, version), user);
			redirect.addFlashAttribute("notice", messages.text("units.renamed"));
		}
		catch (DomainException ex) {
			return refused(redirect, ex, id);
		}
		return "redirect:/units/" + id;
	}

	/**
	 * The new parent comes from a picker: a picked unit's code, or a code or name typed without the
	 * picker. A parent that cannot be found or used, or any other refusal, comes back on the page
	 * with what was typed.
	 */
	@PostMapping("/{id}/move")
	String move(@PathVariable long id, @RequestParam String parentCode, @RequestParam int version,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		String typed = parentCode.trim();
		String picked = "";
		try {
			UnitNames.Named parent = lookup.resolve(typed, user.unitsScope());
			typed = parent.name(LocaleContextHolder.getLocale().getLanguage());
			picked = parent.code();
			try {
				units.move(id, new MoveUnit(parent.id(), version), user);
			}
			catch (NotFoundException notWritable) {
				// a parent one may see but not change below reads as one that cannot be found
				throw DomainException.invalid("units.pick.unknown", typed);
			}
			redirect.addFlashAttribute("notice", messages.text("units.moved", parent.nameZh()));
			return "redirect:/units/" + id;
		}
		catch (DomainException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("moveError", messages.text(ex));
			model.addAttribute("moveParentText", typed);
			model.addAttribute("moveParentCode", picked);
			return detail(id, model, user);
		}
	}

	@GetMapping("/import")
	String importForm() {
		return "units/import";
	}

	@PostMapping("/import")
	String importCsv(@RequestParam("file") MultipartFile file, Model model, @AuthenticationPrincipal CurrentUser user)
			throws java.io.IOException {
		try {
			int count = units.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), user);
			model.addAttribute("notice", messages.text("units.import.done", count));
		}
		catch (UnitImportRefused ex) {
			model.addAttribute("error", messages.text(ex));
			model.addAttribute("rows", ex.localized(messages.source()));
		}
		catch (DomainException ex) {
			model.addAttribute("error", messages.text(ex));
		}
		return "units/import";
	}

	private String refused(RedirectAttributes redirect, DomainException ex, long backTo) {
		redirect.addFlashAttribute("error", messages.text(ex));
		return "redirect:/units/" + backTo;
	}

	private static boolean canManage(CurrentUser user) {
		return user.has(Role.CITY_ADMIN) || user.has(Role.UNIT_ADMIN) || user.has(Role.SYSTEM_ADMIN);
	}

}
