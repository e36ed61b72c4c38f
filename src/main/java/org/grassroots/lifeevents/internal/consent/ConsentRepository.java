package org.grassroots.lifeevents.internal.consent;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.grassroots.lifeevents.Article278;
import org.grassroots.lifeevents.CastBy;
import org.grassroots.lifeevents.Consent;
import org.grassroots.lifeevents.ConsentObjection;
import org.grassroots.lifeevents.ConsentOwner;
import org.grassroots.lifeevents.ConsentState;
import org.grassroots.lifeevents.Vote;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.grassroots.shared.VersionedUpdate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Owners' consents, their owners and objections. Every read for a person carries the scope in its
 * SQL; every change of a consent or owner is conditional on the version the caller saw.
 */
@Repository
public class ConsentRepository {

	public static final int PAGE_SIZE = 20;

	private final JdbcClient jdbc;

	ConsentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---------------------------------------------------------------- consents

	public long insert(long applicationId, String referenceNumber, long unitId, String unitPath, String address,
			int noticeDays, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into le_consent (application_id, reference_number, community_unit_id, unit_path, building_address,
				  state, notice_days, created_at, updated_at)
				values (:app, :ref, :unit, :path, :address, 'REGISTERING', :days, :at, :at)
				""")
			.param("app", applicationId)
			.param("ref", referenceNumber)
			.param("unit", unitId)
			.param("path", unitPath)
			.param("address", address)
			.param("days", noticeDays)
			.param("at", Times.utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	public boolean exists(long applicationId) {
		return jdbc.sql("select count(*) from le_consent where application_id = :app").param("app", applicationId)
			.query(Integer.class).single() > 0;
	}

	/** A change of the consent (and what goes with it), only from the given version. */
	public boolean move(long id, int version, Map<String, @Nullable Object> changes, Instant at) {
		return VersionedUpdate.apply(jdbc, "le_consent", id, version, changes, at);
	}

	/** The columns that keep the tally of a closing vote. */
	public static Map<String, @Nullable Object> tallyColumns(Article278.Tally tally) {
		Map<String, @Nullable Object> columns = new HashMap<>();
		columns.put("total_area", tally.totalArea());
		columns.put("total_owners", tally.totalOwners());
		columns.put("part_area", tally.participatingArea());
		columns.put("part_owners", tally.participatingOwners());
		columns.put("agree_area", tally.agreeingArea());
		columns.put("agree_owners", tally.agreeingOwners());
		columns.put("affected_owners", tally.affectedOwners());
		columns.put("affected_agree", tally.affectedAgreeing());
		return columns;
	}

	public Optional<Consent> find(long id) {
		return jdbc.sql("select * from le_consent c where c.id = :id").param("id", id).query(ConsentRepository::map).optional();
	}

	/** The consent if its community lies in the scope. */
	public Optional<Consent> find(long id, DataScope scope) {
		SqlCondition in = scope.on("c.unit_path");
		return jdbc.sql("select * from le_consent c where c.id = :id and " + in.sql())
			.params(in.params())
			.param("id", id)
			.query(ConsentRepository::map)
			.optional();
	}

	/** The consent for the row lock of a command: two commands on one consent run one after the other. */
	public Optional<Consent> lock(long id) {
		return jdbc.sql("select * from le_consent c where c.id = :id for update").param("id", id)
			.query(ConsentRepository::map).optional();
	}

	/** One page of the consents in scope, in a state if given, newest first. */
	public List<Consent> search(DataScope scope, @Nullable ConsentState state, int page) {
		SqlCondition in = scope.on("c.unit_path");
		String where = in.sql() + (state == null ? "" : " and c.state = :state");
		var statement = jdbc.sql("select * from le_consent c where " + where + " order by c.id desc limit " + (PAGE_SIZE + 1)
				+ " offset " + Math.max(page, 0) * PAGE_SIZE).params(in.params());
		if (state != null) {
			statement = statement.param("state", state.name());
		}
		return statement.query(ConsentRepository::map).list();
	}

	/** Consents whose notice ended before the day with no objection received: the job confirms them. */
	public List<Long> dueWithoutObjections(LocalDate today, int limit) {
		return jdbc.sql("""
				select c.id from le_consent c
				where c.state = 'NOTICE' and c.notice_ends_on < :today
				  and not exists (select 1 from le_consent_objection o where o.consent_id = c.id)
				order by c.id
				""" + " limit " + limit)
			.param("today", today)
			.query(Long.class)
			.list();
	}

	public void forEach(Consumer<Consent> sink) {
		jdbc.sql("select * from le_consent c order by c.id").query(ConsentRepository::map).stream().forEach(sink);
	}
	// ---------------------------------------------------------------- owners

	/** An owner's details as stored; the phone already encrypted, hashed for look-ups and masked. */
	public record OwnerFields(String name, String flat, BigDecimal floorArea, boolean affected,
			@Nullable String phoneCipher, @Nullable String phoneHash, @Nullable String phoneMasked) {

	}

	public long insertOwner(long consentId, OwnerFields fields, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into le_consent_owner (consent_id, name, flat, floor_area, affected, phone_cipher, phone_hash,
				  phone_masked, created_at, updated_at)
				values (:consent, :name, :flat, :area, :affected, :cipher, :hash, :masked, :at, :at)
				""")
			.params(ownerParams(fields))
			.param("consent", consentId)
			.param("at", Times.utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** The owner's changes; a phone left out keeps the one stored. */
	public boolean editOwner(long ownerId, int version, OwnerFields fields, Instant at) {
		return jdbc.sql("""
				update le_consent_owner set name = :name, flat = :flat, floor_area = :area, affected = :affected,
				  phone_cipher = coalesce(:cipher, phone_cipher), phone_hash = coalesce(:hash, phone_hash),
				  phone_masked = coalesce(:masked, phone_masked),
				  updated_at = :at, version = version + 1
				where id = :id and version = :version
				""")
			.params(ownerParams(fields))
			.param("at", Times.utc(at))
			.param("id", ownerId)
			.param("version", version)
			.update() == 1;
	}

	public boolean removeOwner(long ownerId, int version) {
		return jdbc.sql("delete from le_consent_owner where id = :id and version = :version")
			.param("id", ownerId)
			.param("version", version)
			.update() == 1;
	}

	/** Whether another owner of the consent has this flat already. */
	public boolean flatTaken(long consentId, String flat, long exceptOwnerId) {
		return jdbc.sql("select count(*) from le_consent_owner where consent_id = :c and flat = :flat and id <> :except")
			.param("c", consentId)
			.param("flat", flat)
			.param("except", exceptOwnerId)
			.query(Integer.class)
			.single() > 0;
	}

	/** A new link for the owner: the old one stops working at once. */
	public void setToken(long ownerId, String tokenHash, Instant at) {
		jdbc.sql("update le_consent_owner set token_hash = :hash, updated_at = :at, version = version + 1 where id = :id")
			.param("hash", tokenHash)
			.param("at", Times.utc(at))
			.param("id", ownerId)
			.update();
	}

	/** The vote, only if the owner has none yet and nobody changed them since the version. */
	public boolean vote(long ownerId, int version, Vote vote, CastBy castBy, @Nullable String recordedBy,
			@Nullable String note, Instant at) {
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("recordedBy", recordedBy);
		params.put("note", note);
		return jdbc.sql("""
				update le_consent_owner set vote = :vote, cast_by = :castBy, recorded_by = :recordedBy, vote_note = :note,
				  voted_at = :at, updated_at = :at, version = version + 1
				where id = :id and version = :version and vote is null
				""")
			.params(params)
			.param("vote", vote.name())
			.param("castBy", castBy.name())
			.param("at", Times.utc(at))
			.param("id", ownerId)
			.param("version", version)
			.update() == 1;
	}

	public List<ConsentOwner> owners(long consentId) {
		return jdbc.sql("select * from le_consent_owner where consent_id = :id order by flat, id")
			.param("id", consentId)
			.query(ConsentRepository::owner)
			.list();
	}

	public Optional<ConsentOwner> owner(long consentId, long ownerId) {
		return jdbc.sql("select * from le_consent_owner where consent_id = :c and id = :id")
			.param("c", consentId)
			.param("id", ownerId)
			.query(ConsentRepository::owner)
			.optional();
	}

	/** @param tokenHashes the hashes the link may be stored under (one per algorithm suite) */
	public Optional<ConsentOwner> ownerByToken(List<String> tokenHashes) {
		return jdbc.sql("select * from le_consent_owner where token_hash in (:hashes)")
			.param("hashes", tokenHashes)
			.query(ConsentRepository::owner)
			.optional();
	}

	/** The owners' ballots for the tally, straight from the rows. */
	public List<Article278.Ballot> ballots(long consentId) {
		return jdbc.sql("select floor_area, vote, affected from le_consent_owner where consent_id = :id")
			.param("id", consentId)
			.query((rs, n) -> Article278.Ballot.of(rs.getBigDecimal("floor_area"), vote(rs.getString("vote")),
					rs.getBoolean("affected")))
			.list();
	}

	/** The encrypted phone of an owner, for the office that opens it. */
	public Optional<String> phoneCipher(long ownerId) {
		return jdbc.sql("select phone_cipher from le_consent_owner where id = :id and phone_cipher is not null")
			.param("id", ownerId)
			.query(String.class)
			.optional();
	}

	// ---------------------------------------------------------------- objections

	public long insertObjection(long consentId, String objector, @Nullable String contactCipher,
			@Nullable String contactMasked, String body, @Nullable String recordedBy, Instant at) {
		var keys = new GeneratedKeyHolder();
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("cipher", contactCipher);
		params.put("masked", contactMasked);
		params.put("by", recordedBy);
		jdbc.sql("""
				insert into le_consent_objection (consent_id, objector, contact_cipher, contact_masked, body, received_at,
				  recorded_by)
				values (:consent, :objector, :cipher, :masked, :body, :at, :by)
				""")
			.params(params)
			.param("consent", consentId)
			.param("objector", objector)
			.param("body", body)
			.param("at", Times.utc(at))
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	public List<ConsentObjection> objections(long consentId) {
		return jdbc.sql("select * from le_consent_objection where consent_id = :id order by id")
			.param("id", consentId)
			.query((rs, n) -> new ConsentObjection(rs.getLong("id"), rs.getLong("consent_id"), rs.getString("objector"),
					rs.getString("contact_masked"), rs.getString("body"), instant(rs, "received_at"),
					rs.getString("recorded_by")))
			.list();
	}

	public int objectionCount(long consentId) {
		return jdbc.sql("select count(*) from le_consent_objection where consent_id = :id").param("id", consentId)
			.query(Integer.class).single();
	}

	// ---------------------------------------------------------------- mapping

	private static Map<String, @Nullable Object> ownerParams(OwnerFields fields) {
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("name", fields.name());
		params.put("flat", fields.flat());
		params.put("area", fields.floorArea());
		params.put("affected", fields.affected());
		params.put("cipher", fields.phoneCipher());
		params.put("hash", fields.phoneHash());
		params.put("masked", fields.phoneMasked());
		return params;
	}

	static Consent map(ResultSet rs, int row) throws SQLException {
		Article278.Tally tally = rs.getObject("total_area") == null ? null
				: new Article278.Tally(rs.getLong("total_area"), rs.getInt("total_owners"), rs.getLong("part_area"),
						rs.getInt("part_owners"), rs.getLong("agree_area"), rs.getInt("agree_owners"),
						rs.getInt("affected_owners"), rs.getInt("affected_agree"));
		return new Consent(rs.getLong("id"), rs.getLong("application_id"), rs.getString("reference_number"),
				rs.getLong("community_unit_id"), rs.getString("unit_path"), rs.getString("building_address"),
				ConsentState.valueOf(rs.getString("state")), rs.getInt("notice_days"), rs.getObject("notice_starts_on", LocalDate.class),
				rs.getObject("notice_ends_on", LocalDate.class), tally, rs.getString("decision_note"),
				rs.getString("decided_by"), instant(rs, "created_at"), nullableInstant(rs, "vote_opened_at"),
				nullableInstant(rs, "closed_at"), nullableInstant(rs, "decided_at"), rs.getInt("version"));
	}

	static ConsentOwner owner(ResultSet rs, int row) throws SQLException {
		String castBy = rs.getString("cast_by");
		return new ConsentOwner(rs.getLong("id"), rs.getLong("consent_id"), rs.getString("name"), rs.getString("flat"),
				rs.getBigDecimal("floor_area").setScale(2), rs.getBoolean("affected"), rs.getString("phone_masked"),
				vote(rs.getString("vote")), castBy == null ? null : CastBy.valueOf(castBy), rs.getString("recorded_by"),
				rs.getString("vote_note"), nullableInstant(rs, "voted_at"), rs.getString("token_hash") != null,
				rs.getInt("version"));
	}

	private static @Nullable Vote vote(@Nullable String vote) {
		return vote == null ? null : Vote.valueOf(vote);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
