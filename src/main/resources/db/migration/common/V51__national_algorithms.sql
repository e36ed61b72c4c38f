-- National algorithms (issue 20): a hash made with SM3 is written as 'sm3:' and its hex, so the
-- audit chain's hash columns widen; the head names the algorithm new batches are sealed with, so
-- that every node seals alike while they switch one at a time. A switch writes a record naming
-- the head it started from (AuditDigestSwitch).
alter table audit_record alter column content_hash set data type varchar(80);
alter table audit_seal alter column prev_hash set data type varchar(80);
alter table audit_seal alter column hash set data type varchar(80);
alter table audit_chain_head alter column seal_hash set data type varchar(80);
alter table audit_chain_head alter column archived_hash set data type varchar(80);
alter table audit_archive alter column prev_hash set data type varchar(80);
alter table audit_archive alter column head_hash set data type varchar(80);
alter table audit_chain_head add column digest varchar(16) default 'standard' not null;
