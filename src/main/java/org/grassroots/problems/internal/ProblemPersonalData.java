package org.grassroots.problems.internal;

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

/**
 * Reporters' phones: a report is part of the public ledger and stays, but the phone number the
 * resident gave is theirs to have erased.
 */
@Component
class ProblemPersonalData implements PersonalDataHolder {

	private static final String PLACE = "coalesce(location_unit_path, raising_unit_path)";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final Messages messages;

	ProblemPersonalData(JdbcClient jdbc, FieldCipher cipher, Messages messages) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.messages = messages;
	}

	@Override
	public List<HeldRecord> find(List<String> hashes, DataScope scope) {
		SqlCondition inScope = scope.on(PLACE);
		return jdbc.sql("select ledger_no, title, description, state, reporter_phone_cipher, created_at from problem"
				+ " where reporter_phone_hash in (:hashes) and " + inScope.sql() + " order by id")
			.params(inScope.params())
			.param("hashes", hashes)
			.query((rs, row) -> {
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put(messages.text("privacy.field.ledger-no"), rs.getString("ledger_no"));
				fields.put(messages.text("privacy.field.title"), rs.getString("title"));
				fields.put(messages.text("privacy.field.description"), rs.getString("description"));
				fields.put(messages.text("privacy.field.state"), messages.text("state." + rs.getString("state")));
				fields.put(messages.text("privacy.field.phone"), cipher.decrypt(rs.getString("reporter_phone_cipher")));
				return new HeldRecord("problem", rs.getString("ledger_no"),
						rs.getObject("created_at", OffsetDateTime.class).toInstant(), fields);
			})
			.list();
	}

	@Override
	public Erasure erase(List<String> hashes, DataScope scope) {
		SqlCondition inScope = scope.on(PLACE);
		int erased = jdbc.sql("update problem set reporter_phone_cipher = null, reporter_phone_hash = null,"
				+ " version = version + 1 where reporter_phone_hash in (:hashes) and " + inScope.sql())
			.params(inScope.params())
			.param("hashes", hashes)
			.update();
		return new Erasure(erased == 0 ? Map.of() : Map.of("problem", erased), Map.of());
	}

}
