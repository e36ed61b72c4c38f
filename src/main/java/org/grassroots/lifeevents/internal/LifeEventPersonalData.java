package org.grassroots.lifeevents.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.lifeevents.FieldValue;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.FieldCipher;
import org.grassroots.shared.PersonalDataHolder;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.web.Messages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the one-thing service keeps on a person: applications naming their ID card number or phone
 * (administrative records, kept: they are only exported), the values a resident keeps for later
 * applications (erased; they have no unit, so only a city-wide request reaches them), and owners'
 * phones in elevator consent polls (erased once the poll has closed).
 */
@Component
class LifeEventPersonalData implements PersonalDataHolder {

	private static final String CLOSED = "('CONFIRMED', 'REFUSED')";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final Views views;

	private final Messages messages;

	LifeEventPersonalData(JdbcClient jdbc, FieldCipher cipher, Views views, Messages messages) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.views = views;
		this.messages = messages;
	}

	@Override
	public List<HeldRecord> find(List<String> hashes, DataScope scope) {
		List<HeldRecord> held = new ArrayList<>(applications(hashes, scope));
		held.addAll(profile(hashes, scope));
		held.addAll(owners(hashes, scope));
		return held;
	}

	@Override
	public Erasure erase(List<String> hashes, DataScope scope) {
		Map<String, Integer> erased = new LinkedHashMap<>();
		Map<String, Integer> kept = new LinkedHashMap<>();
		count(kept, "application", applications(hashes, scope).size());
		if (scope.all()) {
			count(erased, "profile", jdbc.sql("delete from le_profile_value where lookup_hash in (:hashes)")
				.param("hashes", hashes).update());
		}
		SqlCondition inScope = scope.on("c.unit_path");
		String owners = " from le_consent_owner o join le_consent c on c.id = o.consent_id where o.phone_hash in (:hashes) and "
				+ inScope.sql();
		count(kept, "consent-owner", jdbc.sql("select count(*)" + owners + " and c.state not in " + CLOSED)
			.params(inScope.params()).param("hashes", hashes).query(Integer.class).single());
		count(erased, "consent-owner", jdbc.sql("""
				update le_consent_owner set phone_cipher = null, phone_hash = null, phone_masked = null, version = version + 1
				where id in (select o.id""" + owners + " and c.state in " + CLOSED + ")")
			.params(inScope.params()).param("hashes", hashes).update());
		return new Erasure(erased, kept);
	}

	private List<HeldRecord> applications(List<String> hashes, DataScope scope) {
		SqlCondition inScope = scope.on("a.community_path");
		String language = LocaleContextHolder.getLocale().getLanguage();
		return jdbc.sql("""
				select a.id, a.event_name_zh, a.event_name_en, a.applicant_name, a.state, a.filed_at from le_application a
				where exists (select 1 from le_application_value v where v.application_id = a.id and v.lookup_hash in (:hashes))
				""" + " and " + inScope.sql() + " order by a.id")
			.params(inScope.params())
			.param("hashes", hashes)
			.query((rs, row) -> {
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put(messages.text("privacy.field.event"), "en".equals(language) ? rs.getString(3) : rs.getString(2));
				fields.put(messages.text("privacy.field.applicant"), rs.getString("applicant_name"));
				fields.put(messages.text("privacy.field.state"), messages.text("le.state." + rs.getString("state")));
				for (FieldValue value : views.values(rs.getLong("id"), true)) {
					if (value.value() != null) {
						fields.put(value.label(language), value.value());
					}
				}
				return new HeldRecord("application", String.valueOf(rs.getLong("id")),
						rs.getObject("filed_at", OffsetDateTime.class).toInstant(), fields);
			})
			.list();
	}

	private List<HeldRecord> profile(List<String> hashes, DataScope scope) {
		if (!scope.all()) {
			return List.of();
		}
		return jdbc.sql("select profile_key, value_text, updated_at from le_profile_value where lookup_hash in (:hashes)"
				+ " order by account_id, profile_key")
			.param("hashes", hashes)
			.query((rs, row) -> new HeldRecord("profile", messages.text("privacy.profile." + rs.getString(1)),
					rs.getObject(3, OffsetDateTime.class).toInstant(),
					Map.of(messages.text("privacy.profile." + rs.getString(1)), cipher.decrypt(rs.getString(2)))))
			.list();
	}

	private List<HeldRecord> owners(List<String> hashes, DataScope scope) {
		SqlCondition inScope = scope.on("c.unit_path");
		return jdbc.sql("""
				select c.reference_number, c.building_address, c.state, o.name, o.flat, o.phone_cipher, o.created_at
				from le_consent_owner o join le_consent c on c.id = o.consent_id
				where o.phone_hash in (:hashes)
				""" + " and " + inScope.sql() + " order by o.id")
			.params(inScope.params())
			.param("hashes", hashes)
			.query((rs, row) -> {
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put(messages.text("privacy.field.building"), rs.getString("building_address"));
				fields.put(messages.text("privacy.field.flat"), rs.getString("flat"));
				fields.put(messages.text("privacy.field.name"), rs.getString("name"));
				fields.put(messages.text("privacy.field.state"), messages.text("le.consent.state." + rs.getString("state")));
				fields.put(messages.text("privacy.field.phone"), cipher.decrypt(rs.getString("phone_cipher")));
				return new HeldRecord("consent-owner", rs.getString("reference_number"),
						rs.getObject("created_at", OffsetDateTime.class).toInstant(), fields);
			})
			.list();
	}

	private static void count(Map<String, Integer> counts, String kind, int count) {
		if (count > 0) {
			counts.merge(kind, count, Integer::sum);
		}
	}

}
