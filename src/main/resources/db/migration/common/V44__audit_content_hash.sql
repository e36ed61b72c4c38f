-- Each record is written with its content hash: SHA-256 over every column it is written with, the
-- id included, computed in the writing transaction. The sealer chains the content hash, so a change
-- made before a record is sealed is still detected.
alter table audit_record add column content_hash varchar(64);

-- Records written before this migration have no content hash; their chain hashes keep the earlier
-- formula. The verifier tells them apart by id: ids from this one on carry a content hash.
alter table audit_chain_head add column content_hash_from_id bigint;
update audit_chain_head set content_hash_from_id = (select coalesce(max(id), 0) + 1 from audit_record);
alter table audit_chain_head alter column content_hash_from_id set not null;

-- The writer takes the id before the insert, so that the content hash can cover it; the vendor
-- migration (V44_1) starts the sequence at the boundary and makes it the id column's default.
create sequence audit_record_ids;
