-- the sealer's work list: records not yet in the chain, in the order they were written
create index audit_record_unsealed on audit_record (chain, id) where seq is null;
