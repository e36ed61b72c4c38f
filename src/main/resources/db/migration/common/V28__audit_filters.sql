-- The audit page filters by kind, by actor and by subject, newest first, and pages by id: each
-- filter reads its own index from the newest record down and stops after a page.
create index audit_record_kind on audit_record (kind, id);
create index audit_record_actor on audit_record (actor_name, id);
create index audit_record_subject on audit_record (subject_id, id);
