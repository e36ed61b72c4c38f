-- ids continue from the boundary; the identity's own sequence goes, so that one sequence hands them out
select setval('audit_record_ids', (select max(content_hash_from_id) from audit_chain_head), false);
alter table audit_record alter column id drop identity;
alter table audit_record alter column id set default nextval('audit_record_ids');
alter sequence audit_record_ids owned by audit_record.id;
