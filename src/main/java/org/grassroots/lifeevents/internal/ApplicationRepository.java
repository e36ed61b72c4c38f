package org.grassroots.lifeevents.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.grassroots.lifeevents.Application;
import org.grassroots.lifeevents.ApplicationFilter;
import org.grassroots.lifeevents.ApplicationState;
import org.grassroots.lifeevents.DepartmentKind;
import org.grassroots.lifeevents.DepartmentTask;
import org.grassroots.lifeevents.FieldType;
import org.grassroots.lifeevents.FormField;
import org.grassroots.lifeevents.GivenDocument;
import org.grassroots.lifeevents.MaterialRequest;
import org.grassroots.lifeevents.QueueEntry;
import org.grassroots.lifeevents.Rating;
import org.grassroots.lifeevents.RejectCategory;
import org.grassroots.lifeevents.TaskDefinition;
import org.grassroots.lifeevents.TaskFilter;
import org.grassroots.lifeevents.TaskState;
import org.grassroots.shared.DataScope;
import org.grassroots.shared.SqlCondition;
import org.grassroots.shared.Times;
import org.grassroots.shared.VersionedUpdate;
import org.grassroots.shared.files.FileStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Applications with their answers, documents, tasks and requests for material. Reads for a person
 * carry the scope in their SQL: the applicant's own id, the department's unit, or the staff's scope
 * on the community's path.
 */
@Repository
public class ApplicationRepository {

	public static final int PAGE_SIZE = 30;

	/** A queue shows the most urgent this many; the counts tell how many there are. */
	public static final int QUEUE_LIMIT = 500;

	private final JdbcClient jdbc;

	public ApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored answer: the value is encrypted when the field is personal. */
	public record StoredValue(String key, String labelZh, String labelEn, FieldType type, @Nullable String stored) {

	}

	/** A stored file that can be attached again (a document reused from an earlier application). */
	public record StoredFile(String fileName, String contentType, long size, String sha256, String storageKey) {

	}

	public long nextReferenceSequence() {
		return jdbc.sql("select nextval('le_reference_seq')").query(Long.class).single();
	}

	public long insert(String reference, String eventCode, int eventVersion, String nameZh, String nameEn,
			long applicantId, String applicantName, long communityId, String communityPath, long districtId,
			@Nullable String consent, Instant filedAt, LocalDate filedOn, LocalDate deadline) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into le_application (reference, event_code, event_version, event_name_zh, event_name_en, applicant_id,
				  applicant_name, community_id, community_path, district_id, state, consent, filed_at, filed_on, deadline)
				values (:reference, :code, :eventVersion, :nameZh, :nameEn, :applicant, :applicantName, :community, :path,
				  :district, 'OPEN', :consent, :filedAt, :filedOn, :deadline)
				""")
			.param("reference", reference)
			.param("code", eventCode)
			.param("eventVersion", eventVersion)
			.param("nameZh", nameZh)
			.param("nameEn", nameEn)
			.param("applicant", applicantId)
			.param("applicantName", applicantName)
			.param("community", communityId)
			.param("path", communityPath)
			.param("district", districtId)
			.param("consent", consent)
			.param("filedAt", Times.utc(filedAt))
			.param("filedOn", filedOn)
			.param("deadline", deadline)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/** @param lookupHash the keyed hash of a personal value's clear text, so its holder's requests find it */
	public void insertValue(long applicationId, int position, FormField field, @Nullable String stored,
			@Nullable String lookupHash) {
		jdbc.sql("""
				insert into le_application_value (application_id, field_key, position, label_zh, label_en, field_type,
				                                  value_text, lookup_hash)
				values (:app, :key, :position, :labelZh, :labelEn, :type, :value, :hash)
				""")
			.param("hash", lookupHash)
			.param("app", applicationId)
			.param("key", field.key())
			.param("position", position)
			.param("labelZh", field.labelZh())
			.param("labelEn", field.labelEn())
			.param("type", field.type().name())
			.param("value", stored)
			.update();
	}

	public void insertDocument(long applicationId, String code, String nameZh, String nameEn, StoredFile file,
			boolean reused, Instant at) {
		jdbc.sql("""
				insert into le_application_document (application_id, document_code, name_zh, name_en, file_name,
				  content_type, size_bytes, sha256, storage_key, reused, uploaded_at)
				values (:app, :code, :nameZh, :nameEn, :fileName, :type, :size, :sha, :key, :reused, :at)
				""")
			.param("app", applicationId)
			.param("code", code)
			.param("nameZh", nameZh)
			.param("nameEn", nameEn)
			.param("fileName", file.fileName())
			.param("type", file.contentType())
			.param("size", file.size())
			.param("sha", file.sha256())
			.param("key", file.storageKey())
			.param("reused", reused)
			.param("at", Times.utc(at))
			.update();
	}

	public void removeDocument(long applicationId, String code) {
		jdbc.sql("delete from le_application_document where application_id = :app and document_code = :code")
			.param("app", applicationId)
			.param("code", code)
			.update();
	}

	/** The latest document of this code the person gave in any earlier application. */
	public Optional<StoredFile> latestDocument(long applicantId, String code) {
		return jdbc.sql("""
				select d.file_name, d.content_type, d.size_bytes, d.sha256, d.storage_key
				from le_application_document d join le_application a on a.id = d.application_id
				where a.applicant_id = :applicant and d.document_code = :code
				order by d.uploaded_at desc, d.id desc
				""")
			.param("applicant", applicantId)
			.param("code", code)
			.query((rs, row) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
			.list()
			.stream()
			.findFirst();
	}

	public Optional<StoredFile> documentFile(long applicationId, long documentId) {
		return jdbc.sql("""
				select file_name, content_type, size_bytes, sha256, storage_key from le_application_document
				where application_id = :app and id = :id
				""")
			.param("app", applicationId)
			.param("id", documentId)
			.query((rs, row) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
			.optional();
	}

	public long insertTask(long applicationId, int position, TaskDefinition task, long departmentId, String departmentPath) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into le_task (application_id, position, task_code, name_zh, name_en, department_kind, department_id,
				  department_path, time_limit_days, waits_for, after_consent, state)
				values (:app, :position, :code, :nameZh, :nameEn, :kind, :department, :path, :limit, :waits, :afterConsent,
				  'WAITING')
				""")
			.param("app", applicationId)
			.param("position", position)
			.param("code", task.code())
			.param("nameZh", task.nameZh())
			.param("nameEn", task.nameEn())
			.param("kind", task.department().name())
			.param("department", departmentId)
			.param("path", departmentPath)
			.param("limit", task.timeLimitDays())
			.param("waits", String.join(",", task.waitsFor()))
			.param("afterConsent", task.afterConsent())
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	public Optional<Application> find(long id) {
		return jdbc.sql("select * from le_application where id = :id").param("id", id).query(this::mapApplication).optional();
	}

	/** The application if the person filed it. */
	public Optional<Application> findOwn(long id, long applicantId) {
		return jdbc.sql("select * from le_application where id = :id and applicant_id = :applicant")
			.param("id", id)
			.param("applicant", applicantId)
			.query(this::mapApplication)
			.optional();
	}

	/** The application if its community lies in the scope. */
	public Optional<Application> findInScope(long id, DataScope scope) {
		SqlCondition inScope = scope.on("community_path");
		return jdbc.sql("select * from le_application where id = :id and " + inScope.sql())
			.params(inScope.params())
			.param("id", id)
			.query(this::mapApplication)
			.optional();
	}

	/** The application if the department has a task on it. */
	public Optional<Application> findForDepartment(long id, long departmentId) {
		return jdbc.sql("""
				select * from le_application a where a.id = :id
				  and exists (select 1 from le_task t where t.application_id = a.id and t.department_id = :department)
				""").param("id", id).param("department", departmentId).query(this::mapApplication).optional();
	}

	public Optional<Long> idOfReference(String reference) {
		return jdbc.sql("select id from le_application where reference = :reference")
			.param("reference", reference)
			.query(Long.class)
			.optional();
	}

	public List<Application> ofApplicant(long applicantId) {
		return jdbc.sql("select * from le_application where applicant_id = :applicant order by filed_at desc, id desc")
			.param("applicant", applicantId)
			.query(this::mapApplication)
			.list();
	}

	public List<StoredValue> values(long applicationId) {
		return jdbc.sql("select * from le_application_value where application_id = :app order by position")
			.param("app", applicationId)
			.query((rs, row) -> new StoredValue(rs.getString("field_key"), rs.getString("label_zh"), rs.getString("label_en"),
					FieldType.valueOf(rs.getString("field_type")), rs.getString("value_text")))
			.list();
	}

	public List<GivenDocument> documents(long applicationId) {
		return jdbc.sql("select * from le_application_document where application_id = :app order by id")
			.param("app", applicationId)
			.query((rs, row) -> new GivenDocument(rs.getLong("id"), rs.getString("document_code"), rs.getString("name_zh"),
					rs.getString("name_en"), rs.getString("file_name"), rs.getLong("size_bytes"), rs.getBoolean("reused")))
			.list();
	}

	public List<DepartmentTask> tasks(long applicationId) {
		return jdbc.sql("select * from le_task where application_id = :app order by position")
			.param("app", applicationId)
			.query(this::mapTask)
			.list();
	}

	/** The task if it belongs to the department. */
	public Optional<DepartmentTask> taskOfDepartment(long taskId, long departmentId) {
		return jdbc.sql("select * from le_task where id = :id and department_id = :department")
			.param("id", taskId)
			.param("department", departmentId)
			.query(this::mapTask)
			.optional();
	}

	/** The department's tasks the filter finds, overdue and oldest first; WAITING ones are never in a queue. */
	public List<QueueEntry> queue(long departmentId, TaskFilter filter) {
		String state = filter.state() != null ? "t.state = :state"
				: "t.state in ('PENDING', 'ACCEPTED', 'MATERIAL_REQUESTED')";
		return jdbc.sql("""
				select t.*, a.reference, a.event_name_zh, a.event_name_en, a.applicant_name, a.filed_at
				from le_task t join le_application a on a.id = t.application_id
				where t.department_id = :department and t.state <> 'WAITING' and %s %s
				order by t.overdue desc, t.deadline, t.id
				limit %d
				""".formatted(state, filter.overdue() ? "and t.overdue = true" : "", QUEUE_LIMIT))
			.param("department", departmentId)
			.param("state", filter.state() == null ? "" : filter.state().name())
			.query((rs, row) -> new QueueEntry(mapTask(rs, row), rs.getString("reference"), rs.getString("event_name_zh"),
					rs.getString("event_name_en"), rs.getString("applicant_name"),
					rs.getObject("filed_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** How many of the department's tasks are in each state, and how many open ones are overdue. */
	public Map<String, Long> queueCounts(long departmentId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select state, count(*) from le_task where department_id = :department group by state")
			.param("department", departmentId)
			.query(rs -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		counts.put("OVERDUE", jdbc.sql("""
				select count(*) from le_task where department_id = :department and overdue = true
				  and state in ('PENDING', 'ACCEPTED', 'MATERIAL_REQUESTED')
				""").param("department", departmentId).query(Long.class).single());
		return counts;
	}

	/** A change of the application's columns, only from the given version; the version grows by one. */
	public boolean moveApplication(long id, int version, Map<String, @Nullable Object> changes) {
		return move("le_application", id, version, changes);
	}

	public boolean moveTask(long id, int version, Map<String, @Nullable Object> changes) {
		return move("le_task", id, version, changes);
	}

	private boolean move(String table, long id, int version, Map<String, @Nullable Object> changes) {
		return VersionedUpdate.apply(jdbc, table, id, version, changes, null);
	}

	public List<MaterialRequest> requests(long applicationId) {
		List<MaterialRequest> requests = jdbc.sql("select * from le_material_request where application_id = :app order by id")
			.param("app", applicationId)
			.query((rs, row) -> new MaterialRequest(rs.getLong("id"), rs.getLong("task_id"), "OPEN".equals(rs.getString("state")),
					rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
					Times.instant(rs.getObject("answered_at", OffsetDateTime.class)), List.of()))
			.list();
		List<MaterialRequest> whole = new ArrayList<>();
		for (MaterialRequest request : requests) {
			List<MaterialRequest.Item> items = jdbc.sql("select * from le_material_item where request_id = :id order by position")
				.param("id", request.id())
				.query((rs, row) -> new MaterialRequest.Item(rs.getLong("id"), rs.getInt("position"), rs.getString("description"),
						rs.getString("answer_text"), rs.getString("file_name")))
				.list();
			whole.add(new MaterialRequest(request.id(), request.taskId(), request.open(), request.requestedBy(),
					request.requestedAt(), request.answeredAt(), items));
		}
		return whole;
	}

	/** The file a resident gave in answer to an item of a request on this task. */
	public Optional<StoredFile> answerFile(long taskId, long itemId) {
		return jdbc.sql("""
				select i.file_name, i.content_type, i.size_bytes, i.sha256, i.storage_key
				from le_material_item i join le_material_request r on r.id = i.request_id
				where i.id = :item and r.task_id = :task and i.storage_key is not null
				""")
			.param("item", itemId)
			.param("task", taskId)
			.query((rs, row) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
			.optional();
	}

	public long insertRequest(long taskId, long applicationId, String by, Instant at, List<String> items) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into le_material_request (task_id, application_id, state, requested_by, requested_at)
				values (:task, :app, 'OPEN', :by, :at)
				""").param("task", taskId).param("app", applicationId).param("by", by).param("at", Times.utc(at)).update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		for (int i = 0; i < items.size(); i++) {
			jdbc.sql("insert into le_material_item (request_id, position, description) values (:request, :position, :text)")
				.param("request", id)
				.param("position", i)
				.param("text", items.get(i).strip())
				.update();
		}
		return id;
	}

	public void answerItem(long itemId, @Nullable String text, FileStore.@Nullable Stored file, @Nullable String fileName) {
		jdbc.sql("""
				update le_material_item set answer_text = :text, file_name = :fileName, content_type = :type,
				  size_bytes = :size, sha256 = :sha, storage_key = :key where id = :id
				""")
			.param("text", text)
			.param("fileName", file == null ? null : fileName)
			.param("type", file == null ? null : file.contentType())
			.param("size", file == null ? null : file.size())
			.param("sha", file == null ? null : file.sha256())
			.param("key", file == null ? null : file.storageKey())
			.param("id", itemId)
			.update();
	}

	/** Closes the open request, only if it is still open: a second answer changes nothing. */
	public boolean closeRequest(long requestId, Instant at) {
		return jdbc.sql("update le_material_request set state = 'ANSWERED', answered_at = :at where id = :id and state = 'OPEN'")
			.param("at", Times.utc(at))
			.param("id", requestId)
			.update() == 1;
	}

	/** One page of the applications in scope that the filter finds, newest first. */
	public List<Application> search(ApplicationFilter filter, @Nullable String unitPath, DataScope scope, int page,
			int size) {
		SqlCondition where = where(filter, unitPath, scope);
		return jdbc.sql("select * from le_application a where " + where.sql() + " order by a.filed_at desc, a.id desc"
				+ " limit " + size + " offset " + (long) page * size)
			.params(where.params())
			.query(this::mapApplication)
			.list();
	}

	public long count(ApplicationFilter filter, @Nullable String unitPath, DataScope scope) {
		SqlCondition where = where(filter, unitPath, scope);
		return jdbc.sql("select count(*) from le_application a where " + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
	}

	private static SqlCondition where(ApplicationFilter filter, @Nullable String unitPath, DataScope scope) {
		SqlCondition inScope = scope.on("a.community_path");
		List<String> terms = new ArrayList<>(List.of(inScope.sql()));
		Map<String, Object> params = new HashMap<>(inScope.params());
		if (unitPath != null) {
			terms.add("a.community_path like :unitPath");
			params.put("unitPath", unitPath + "%");
		}
		if (filter.eventCode() != null) {
			terms.add("a.event_code = :event");
			params.put("event", filter.eventCode());
		}
		if (filter.state() == ApplicationState.OPEN) {
			terms.add("a.state = 'OPEN'");
		}
		else if (filter.state() != null) {
			terms.add("a.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.month() != null) {
			String column = filter.state() == ApplicationState.COMPLETED ? "a.completed_at"
					: filter.state() == ApplicationState.RETURNED ? "a.returned_at" : "a.filed_at";
			terms.add(column + " >= :from and " + column + " < :to");
			params.put("from", Times.utc(filter.month().atDay(1).atStartOfDay(Times.ZONE).toInstant()));
			params.put("to", Times.utc(filter.month().plusMonths(1).atDay(1).atStartOfDay(Times.ZONE).toInstant()));
		}
		if (filter.overdue()) {
			terms.add("a.overdue = true and a.state = 'OPEN'");
		}
		if (filter.onTime()) {
			terms.add("a.state = 'COMPLETED' and a.overdue = false");
		}
		if (filter.reason() != null) {
			terms.add("a.return_category = :reason");
			params.put("reason", filter.reason());
		}
		return new SqlCondition(String.join(" and ", terms), params);
	}

	/** Every application, one at a time, for the dashboard's rebuild. */
	public void forEach(Consumer<Application> sink) {
		jdbc.sql("select * from le_application order by id").query(this::mapApplication).stream().forEach(sink);
	}

	/** Open applications past their deadline and not flagged yet. */
	public List<Application> newlyOverdue(LocalDate today) {
		return jdbc.sql("select * from le_application where state = 'OPEN' and overdue = false and deadline < :today")
			.param("today", today)
			.query(this::mapApplication)
			.list();
	}

	/** Tasks in a department's hands past their deadline and not flagged yet. */
	public List<DepartmentTask> newlyOverdueTasks(LocalDate today) {
		return jdbc.sql("""
				select * from le_task where overdue = false and deadline < :today
				  and state in ('PENDING', 'ACCEPTED', 'MATERIAL_REQUESTED')
				""").param("today", today).query(this::mapTask).list();
	}

	private Application mapApplication(ResultSet rs, int row) throws SQLException {
		String rating = rs.getString("rating");
		long returnTask = rs.getLong("return_task_id");
		Long returnTaskId = rs.wasNull() ? null : returnTask;
		return new Application(rs.getLong("id"), rs.getString("reference"), rs.getString("event_code"),
				rs.getInt("event_version"), rs.getString("event_name_zh"), rs.getString("event_name_en"),
				rs.getLong("applicant_id"), rs.getString("applicant_name"), rs.getLong("community_id"),
				rs.getString("community_path"), rs.getLong("district_id"), ApplicationState.valueOf(rs.getString("state")),
				rs.getString("consent"), rs.getObject("filed_at", OffsetDateTime.class).toInstant(),
				rs.getObject("filed_on", LocalDate.class), rs.getObject("deadline", LocalDate.class), rs.getBoolean("overdue"),
				Times.instant(rs.getObject("completed_at", OffsetDateTime.class)),
				Times.instant(rs.getObject("returned_at", OffsetDateTime.class)), rs.getString("return_category"),
				rs.getString("return_reason"), returnTaskId, rating == null ? null : Rating.valueOf(rating),
				rs.getString("rating_comment"), Times.instant(rs.getObject("rated_at", OffsetDateTime.class)),
				rs.getInt("version"));
	}

	private DepartmentTask mapTask(ResultSet rs, int row) throws SQLException {
		String waits = rs.getString("waits_for");
		String category = rs.getString("reject_category");
		return new DepartmentTask(rs.getLong("id"), rs.getLong("application_id"), rs.getInt("position"),
				rs.getString("task_code"), rs.getString("name_zh"), rs.getString("name_en"),
				DepartmentKind.valueOf(rs.getString("department_kind")), rs.getLong("department_id"),
				rs.getString("department_path"), rs.getInt("time_limit_days"),
				waits.isEmpty() ? List.of() : Arrays.asList(waits.split(",")), rs.getBoolean("after_consent"),
				TaskState.valueOf(rs.getString("state")), rs.getObject("started_on", LocalDate.class),
				rs.getObject("deadline", LocalDate.class), rs.getBoolean("overdue"), rs.getString("result_note"),
				category == null ? null : RejectCategory.valueOf(category), rs.getString("reject_reason"),
				rs.getString("acted_by"), Times.instant(rs.getObject("finished_at", OffsetDateTime.class)),
				rs.getInt("version"));
	}

}
