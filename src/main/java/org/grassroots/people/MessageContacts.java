package org.grassroots.people;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.grassroots.shared.CurrentUser;
import org.grassroots.shared.DomainException;
import org.grassroots.shared.FieldCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the staff of a unit are reached outside the app, and the channels each person chose
 * (docs/outbox.md): SMS to the account's phone, e-mail to the address they give, each on unless
 * they switch it off.
 */
@Service
public class MessageContacts {

	/** Roles whose holders work a unit's problems and hear about them. */
	private static final List<String> WORKING_ROLES = List.of("CITY_ADMIN", "UNIT_ADMIN", "LEADING_CADRE", "CASEWORKER");

	public static final List<String> LANGUAGES = List.of("zh", "en");

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final ApplicationEventPublisher events;

	MessageContacts(JdbcClient jdbc, FieldCipher cipher, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.events = events;
	}

	/** A person to message: the phone if they take SMS, the e-mail address if they take e-mail. */
	public record Contact(long accountId, @Nullable String phone, @Nullable String email, Locale locale) {

	}

	/** The person's own choice, the phone masked. */
	public record Channels(@Nullable String phone, @Nullable String email, boolean sms, boolean byEmail, String language,
			int version) {

	}

	/** What a person asks for: an e-mail address (blank for none) and the channels on. */
	public record ChooseChannels(@Nullable String email, boolean sms, boolean byEmail, @Nullable String language,
			int version) {

	}

	/**
	 * The enabled people of exactly this unit (not of the units below) who work its problems, with
	 * the addresses of the channels they take; those who take none are left out.
	 */
	public List<Contact> staffOf(String unitPath) {
		return jdbc.sql("""
				select a.id, a.phone_cipher, a.email_cipher, a.message_sms, a.message_email, a.message_language from account a
				where a.unit_path = :path and a.enabled = true
				  and exists (select 1 from account_role r where r.account_id = a.id and r.role in (:roles))
				order by a.id
				""")
			.param("path", unitPath)
			.param("roles", WORKING_ROLES)
			.query((rs, n) -> new Contact(rs.getLong("id"),
					rs.getBoolean("message_sms") ? decrypt(rs.getString("phone_cipher")) : null,
					rs.getBoolean("message_email") ? decrypt(rs.getString("email_cipher")) : null,
					Locale.forLanguageTag(rs.getString("message_language"))))
			.list()
			.stream()
			.filter(contact -> contact.phone() != null || contact.email() != null)
			.toList();
	}

	@Transactional(readOnly = true)
	public Channels channels(CurrentUser user) {
		return jdbc.sql("select phone_cipher, email_cipher, message_sms, message_email, message_language, version from account"
				+ " where id = :id")
			.param("id", user.accountId())
			.query((rs, n) -> {
				String phone = decrypt(rs.getString("phone_cipher"));
				return new Channels(phone == null ? null : FieldCipher.maskPhone(phone), decrypt(rs.getString("email_cipher")),
						rs.getBoolean("message_sms"), rs.getBoolean("message_email"), rs.getString("message_language"),
						rs.getInt("version"));
			})
			.single();
	}

	/** Changes one's own channels at the version shown; an address that is not one is refused. */
	@Transactional
	public Channels choose(CurrentUser user, ChooseChannels command) {
		String email = command.email() == null || command.email().isBlank() ? null
				: command.email().trim().toLowerCase(Locale.ROOT);
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			throw DomainException.invalid("people.error.email");
		}
		String language = command.language() == null || command.language().isBlank() ? "zh" : command.language();
		if (!LANGUAGES.contains(language)) {
			throw DomainException.invalid("people.error.message-language");
		}
		Channels before = channels(user);
		int changed = jdbc.sql("""
				update account set email_cipher = :cipher, email_hash = :hash, message_sms = :sms,
				  message_email = :byEmail, message_language = :language, version = version + 1
				where id = :id and version = :version
				""")
			.param("cipher", email == null ? null : cipher.encrypt(email))
			.param("hash", email == null ? null : cipher.lookupHash(email))
			.param("sms", command.sms())
			.param("byEmail", command.byEmail())
			.param("language", language)
			.param("id", user.accountId())
			.param("version", command.version())
			.update();
		if (changed == 0) {
			throw DomainException.staleVersion();
		}
		Channels after = channels(user);
		events.publishEvent(new MessageChannelsChanged(user.accountId(), user.getUsername(), user.unitPath(),
				masked(before), masked(after)));
		return after;
	}

	private static MessageChannelsChanged.Choice masked(Channels channels) {
		return new MessageChannelsChanged.Choice(channels.sms(), channels.byEmail(), channels.language(),
				channels.email() == null ? null : FieldCipher.maskEmail(channels.email()));
	}

	private @Nullable String decrypt(@Nullable String stored) {
		return stored == null ? null : cipher.decrypt(stored);
	}

}
