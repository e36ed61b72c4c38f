package org.grassroots.people;

import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Open an account in a unit: with no roles when the system administrator opens it (the security
 * administrator grants them), with roles only at first start and for demo data. Without a password a
 * one-time password is generated and must be changed at the first sign-in.
 */
public record CreateAccount(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}") String username,
		@NotBlank @Size(max = 100) String displayName, @NotBlank String unitCode, @Nullable List<@Valid RoleGrant> roles,
		@Nullable @Pattern(regexp = "1[0-9]{10}") String phone, @Nullable @Size(min = 12, max = 128) String password) {

	/** No roles given is none. */
	public CreateAccount {
		roles = roles == null ? List.of() : List.copyOf(roles);
	}

	@Override
	public List<RoleGrant> roles() {
		return java.util.Objects.requireNonNull(roles);
	}

}
