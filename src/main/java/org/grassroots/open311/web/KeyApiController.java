package org.grassroots.open311.web;

import java.util.List;
import java.util.Map;

import org.grassroots.open311.ApiKey;
import org.grassroots.open311.Open311Keys;
import org.grassroots.shared.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/open311/keys")
@Tag(name = "Open311 keys", description = "Keys for Open311 client applications (city administrator)")
class KeyApiController {

	private final Open311Keys keys;

	KeyApiController(Open311Keys keys) {
		this.keys = keys;
	}

	/** The new key's name. */
	record NewKey(String name) {

	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a key for a client application; the key is in this answer only")
	Map<String, Object> issue(@RequestBody NewKey request, @AuthenticationPrincipal CurrentUser user) {
		Open311Keys.Issued issued = keys.issue(request.name(), user);
		return Map.of("id", issued.key().id(), "name", issued.key().name(), "key", issued.secret());
	}

	@GetMapping
	@Operation(summary = "Every key, without the secrets")
	List<ApiKey> list(@AuthenticationPrincipal CurrentUser user) {
		return keys.list(user);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke a key; requests with it answer 403 from then on")
	ApiKey revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return keys.revoke(id, user);
	}

}
