package org.grassroots.people.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.grassroots.shared.DomainException;
import org.springframework.stereotype.Component;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;

/**
 * What a chosen password must be (OWASP ASVS 2.1): at least 12 characters, at most 128, and not
 * guessable: zxcvbn must estimate at least 10^8 guesses, counting its own dictionaries, the list of
 * passwords common among Chinese users shipped in {@code people/common-passwords.txt}, and the
 * person's username. That refuses common passwords and their variants, repeats such as
 * {@code aaaaaaaaaaaa}, sequences and keyboard walks, without composition rules.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	/** zxcvbn's score 3: "safely unguessable", at least 10^8 guesses. */
	private static final int MIN_SCORE = 3;

	private final Zxcvbn zxcvbn;

	PasswordPolicy() {
		try {
			List<Dictionary> dictionaries = new ArrayList<>(StandardDictionaries.loadAllDictionaries());
			dictionaries.add(new Dictionary("grassroots-common", commonPasswords()));
			this.zxcvbn = new ZxcvbnBuilder().dictionaries(dictionaries).build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Refuses a password too short, too long or too easy to guess, with a message that says which. */
	public void check(String password, String username) {
		if (password.isBlank() || password.length() < MIN_LENGTH) {
			throw DomainException.invalid("people.error.weak-password", MIN_LENGTH);
		}
		if (password.length() > MAX_LENGTH) {
			throw DomainException.invalid("people.error.long-password", MAX_LENGTH);
		}
		if (zxcvbn.measure(password, List.of(username.toLowerCase(Locale.ROOT))).getScore() < MIN_SCORE) {
			throw DomainException.invalid("people.error.guessable-password");
		}
	}

	static List<String> commonPasswords() throws IOException {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/people/common-passwords.txt")) {
			if (in == null) {
				throw new IOException("people/common-passwords.txt is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::trim)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.toList();
		}
	}

}
