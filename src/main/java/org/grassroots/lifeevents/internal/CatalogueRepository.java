package org.grassroots.lifeevents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.grassroots.lifeevents.CatalogueVersion;
import org.grassroots.lifeevents.EventDefinition;
import org.grassroots.lifeevents.LifeEvent;
import org.grassroots.shared.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The life events and their published versions; definitions are JSON text parsed into records. */
@Repository
public class CatalogueRepository {

	private static final String CURRENT = """
			select e.code, e.current_version, e.active, e.version, v.definition, v.published_at, v.published_by
			from le_event e join le_event_version v on v.event_code = e.code and v.version = e.current_version
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public CatalogueRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		// a definition leaves out the yes-or-no it does not need (required, afterConsent, consent): no
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
	}

	public List<LifeEvent> list(boolean withInactive) {
		return jdbc.sql(CURRENT + (withInactive ? "" : " where e.active = true") + " order by e.code")
			.query(this::mapEvent)
			.list();
	}

	public Optional<LifeEvent> find(String code) {
		return jdbc.sql(CURRENT + " where e.code = :code").param("code", code).query(this::mapEvent).optional();
	}

	public Optional<CatalogueVersion> version(String code, int version) {
		return jdbc.sql("select * from le_event_version where event_code = :code and version = :version")
			.param("code", code)
			.param("version", version)
			.query(this::mapVersion)
			.optional();
	}

	public List<CatalogueVersion> versions(String code) {
		return jdbc.sql("select * from le_event_version where event_code = :code order by version desc")
			.param("code", code)
			.query(this::mapVersion)
			.list();
	}

	public void insertEvent(String code) {
		jdbc.sql("insert into le_event (code, current_version, active) values (:code, 0, true)").param("code", code).update();
	}

	/** Moves the event to its next version, only if nobody changed it since the given row version. */
	public boolean advance(String code, int rowVersion, int next) {
		return jdbc.sql("""
				update le_event set current_version = :next, version = version + 1
				where code = :code and version = :version
				""").param("next", next).param("code", code).param("version", rowVersion).update() == 1;
	}

	public boolean setActive(String code, int rowVersion, boolean active) {
		return jdbc.sql("update le_event set active = :active, version = version + 1 where code = :code and version = :version")
			.param("active", active)
			.param("code", code)
			.param("version", rowVersion)
			.update() == 1;
	}

	public void insertVersion(String code, int version, EventDefinition definition, String by, Instant at) {
		jdbc.sql("""
				insert into le_event_version (event_code, version, definition, published_at, published_by)
				values (:code, :version, :definition, :at, :by)
				""")
			.param("code", code)
			.param("version", version)
			.param("definition", json.writeValueAsString(definition))
			.param("at", Times.utc(at))
			.param("by", by)
			.update();
	}

	public EventDefinition parse(String text) {
		return json.readValue(text, EventDefinition.class);
	}

	private LifeEvent mapEvent(ResultSet rs, int row) throws SQLException {
		return new LifeEvent(rs.getString("code"), rs.getInt("current_version"), rs.getBoolean("active"),
				rs.getInt("version"), parse(rs.getString("definition")),
				rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getString("published_by"));
	}

	private CatalogueVersion mapVersion(ResultSet rs, int row) throws SQLException {
		return new CatalogueVersion(rs.getString("event_code"), rs.getInt("version"), parse(rs.getString("definition")),
				rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getString("published_by"));
	}

}
