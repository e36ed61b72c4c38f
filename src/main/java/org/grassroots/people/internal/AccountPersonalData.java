package org.grassroots.people.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.shared.DataScope;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.PersonalDataHolder;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.web.Messages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The phones and e-mail addresses of accounts, found by the phone: shown in an export, erased on request (the account itself stays). */
@Component
class AccountPersonalData implements PersonalDataHolder {

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final Messages messages;

	AccountPersonalData(JdbcClient jdbc, FieldCipher cipher, Messages messages) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.messages = messages;
	}

	@Override
	public List<HeldRecord> find(List<String> hashes, DataScope scope) {
		SqlCondition inScope = scope.on("unit_path");
		return jdbc.sql("select username, display_name, phone_cipher, email_cipher, created_at from account where phone_hash in (:hashes)"
				+ " and " + inScope.sql() + " order by id")
			.params(inScope.params())
			.param("hashes", hashes)
			.query((rs, row) -> {
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put(messages.text("privacy.field.username"), rs.getString("username"));
				fields.put(messages.text("privacy.field.name"), rs.getString("display_name"));
				fields.put(messages.text("privacy.field.phone"), cipher.decrypt(rs.getString("phone_cipher")));
				String email = rs.getString("email_cipher");
				if (email != null) {
					fields.put(messages.text("privacy.field.email"), cipher.decrypt(email));
				}
				return new HeldRecord("account", rs.getString("username"),
						rs.getObject("created_at", OffsetDateTime.class).toInstant(), fields);
			})
			.list();
	}

	@Override
	public Erasure erase(List<String> hashes, DataScope scope) {
		SqlCondition inScope = scope.on("unit_path");
		int erased = jdbc.sql("update account set phone_cipher = null, phone_hash = null, email_cipher = null, email_hash = null,"
				+ " version = version + 1"
				+ " where phone_hash in (:hashes) and " + inScope.sql())
			.params(inScope.params())
			.param("hashes", hashes)
			.update();
		return new Erasure(erased == 0 ? Map.of() : Map.of("account", erased), Map.of());
	}

}
