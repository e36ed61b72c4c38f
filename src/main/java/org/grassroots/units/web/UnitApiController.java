package org.grassroots.units.web;

import java.util.List;
import java.util.Map;

import org.grassroots.shared.CurrentUser;
import org.grassroots.units.CreateUnit;
import org.grassroots.units.MoveUnit;
import org.grassroots.units.RenameUnit;
import org.grassroots.units.Unit;
import org.grassroots.units.UnitManagement;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Units", description = "The administrative hierarchy, within the caller's data scope")
class UnitApiController {

	private final UnitManagement units;

	UnitApiController(UnitManagement units) {
		this.units = units;
	}

	@GetMapping
	@Operation(summary = "The tops of the caller's scope, or the units whose name or code contains q")
	List<Unit> roots(@RequestParam(required = false) String q, @AuthenticationPrincipal CurrentUser user) {
		return q == null ? units.roots(user.unitsScope()) : units.search(q, user.unitsScope());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One unit; 404 when it does not exist or lies outside the caller's scope")
	Unit get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return units.get(id, user.unitsScope());
	}

	@GetMapping("/by-code/{code}")
	@Operation(summary = "One unit by its code")
	Unit byCode(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
		return units.getByCode(code, user.unitsScope());
	}

	@GetMapping("/{id}/children")
	@Operation(summary = "The units directly below, 500 at a time from offset")
	List<Unit> children(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
			@AuthenticationPrincipal CurrentUser user) {
		return units.children(id, user.unitsScope(), offset);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a unit below a parent in the caller's scope")
	Unit create(@Valid @RequestBody CreateUnit command, @AuthenticationPrincipal CurrentUser user) {
		return units.create(command, user);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Rename a unit; 409 when version is not the current one")
	Unit rename(@PathVariable long id, @Valid @RequestBody RenameUnit command, @AuthenticationPrincipal CurrentUser user) {
		return units.rename(id, command, user);
	}

	@PostMapping("/{id}/move")
	@Operation(summary = "Move a unit and its subtree under another parent; refused under its own descendant")
	Unit move(@PathVariable long id, @Valid @RequestBody MoveUnit command, @AuthenticationPrincipal CurrentUser user) {
		return units.move(id, command, user);
	}

	@PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Import units from CSV (code,parent_code,level,name_zh[,name_en,batch,kind]): all lines or none")
	Map<String, Integer> importCsv(@RequestBody String csv, @AuthenticationPrincipal CurrentUser user) {
		return Map.of("imported", units.importCsv(csv, user));
	}

}
