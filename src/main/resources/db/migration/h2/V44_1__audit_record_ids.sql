-- ids continue from the boundary; the identity goes, so that one sequence hands them out
alter sequence audit_record_ids restart with (select max(content_hash_from_id) from audit_chain_head);
alter table audit_record alter column id drop identity;
alter table audit_record alter column id set default nextval('audit_record_ids');
