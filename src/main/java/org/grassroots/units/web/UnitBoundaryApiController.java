package org.grassroots.units.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.units.UnitBoundaries;
import org.grassroots.units.UnitBoundary;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/units/{id}/boundary")
@Tag(name = "Units", description = "The administrative hierarchy, within the caller's data scope")
class UnitBoundaryApiController {

	private static final String GEO_JSON = "application/geo+json";

	private final UnitBoundaries boundaries;

	UnitBoundaryApiController(UnitBoundaries boundaries) {
		this.boundaries = boundaries;
	}

	@GetMapping(produces = GEO_JSON)
	@Operation(summary = "The unit's boundary as a GeoJSON Feature (WGS-84); 404 when it has none")
	String get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return boundaries.geoJson(id, user.unitsScope());
	}

	@PutMapping
	@Operation(summary = "Set the unit's boundary from GeoJSON: a Polygon, MultiPolygon, or a Feature or FeatureCollection "
			+ "with one; checked for validity, against the parent's boundary and the siblings'. With version, 409 when "
			+ "the stored boundary is another", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					required = true, content = @Content(mediaType = GEO_JSON, schema = @Schema(type = "object"))))
	UnitBoundary set(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version, InputStream body,
			@AuthenticationPrincipal CurrentUser user) throws IOException {
		return boundaries.set(id, read(body), version, user);
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove the unit's boundary; with version, 409 when the stored boundary is another")
	ResponseEntity<Void> remove(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
			@AuthenticationPrincipal CurrentUser user) {
		boundaries.remove(id, version, user);
		return ResponseEntity.noContent().build();
	}

	/** The body up to the cap: a larger one is refused without being read whole. */
	static String read(InputStream body) throws IOException {
		byte[] bytes = body.readNBytes(UnitBoundaries.MAX_BYTES + 1);
		if (bytes.length > UnitBoundaries.MAX_BYTES) {
			throw DomainException.invalid("units.boundary.too-large", UnitBoundaries.MAX_BYTES / (1024 * 1024));
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
