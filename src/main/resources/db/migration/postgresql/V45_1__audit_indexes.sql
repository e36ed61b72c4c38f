-- Only the indexes the audit pages, the API and the verifier read. New records leave seq null for
-- good, so the sealer's work list of unsealed records would hold every one of them: it goes (the
-- sealer reads the ids after the last seal by the primary key). The earlier chain's (chain, seq)
-- is needed by the verifier for those records only, so it becomes partial and new inserts skip
-- it. The plain unit_path index duplicates the prefix index, which also serves equality.
drop index audit_record_unsealed;
alter table audit_record drop constraint audit_record_seq_unique;
create unique index audit_record_seq_unique on audit_record (chain, seq) where seq is not null;
drop index audit_record_unit_path;
