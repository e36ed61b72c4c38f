-- Records are written once and never updated (issue 19). From here on the chain is kept per sealed
-- batch in audit_seal: a batch covers the ids after the previous one up to its last, and its hash
-- covers the previous batch's hash and the id and content hash of each record in it, in id order.
-- Records before the switch keep their place in the earlier chain (seq, prev_hash, hash).
create table audit_seal (
    id            bigint      primary key,
    chain         varchar(32) not null,
    first_id      bigint      not null,
    last_id       bigint      not null,
    record_count  int         not null,
    prev_hash     varchar(64) not null,
    hash          varchar(64) not null,
    sealed_at     timestamp with time zone not null
);

-- The switch: every record below seals_from_id belongs to the earlier chain. All nodes are
-- stopped for this upgrade, so every record written so far has committed; those not yet sealed
-- are sealed the earlier way once (legacy_unsealed), by the first sealer to run.
alter table audit_chain_head add column seals_from_id bigint;
alter table audit_chain_head add column last_seal bigint default 0 not null;
alter table audit_chain_head add column sealed_to_id bigint;
alter table audit_chain_head add column seal_hash varchar(64);
alter table audit_chain_head add column legacy_unsealed boolean default false not null;
update audit_chain_head set
    seals_from_id = (select coalesce(max(id), 0) + 1 from audit_record),
    legacy_unsealed = (select count(*) > 0 from audit_record where seq is null);
update audit_chain_head set sealed_to_id = seals_from_id - 1, seal_hash = hash;
alter table audit_chain_head alter column seals_from_id set not null;
alter table audit_chain_head alter column sealed_to_id set not null;
alter table audit_chain_head alter column seal_hash set not null;
