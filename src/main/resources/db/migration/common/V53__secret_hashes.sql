-- Secrets looked up by their hash (API tokens, Open311 keys, recovery codes, voting links,
-- tracking codes, idempotency requests) are hashed with SM3 under the national algorithms, written
-- 'sm3:' and its hex (issue 20); a lookup tries both algorithms, so what was stored before a switch
-- is still found. The columns widen for the prefix.
alter table access_token alter column token_hash set data type varchar(80);
alter table open311_key alter column key_hash set data type varchar(80);
alter table recovery_code alter column code_hash set data type varchar(80);
alter table le_consent_owner alter column token_hash set data type varchar(80);
alter table problem alter column tracking_hash set data type varchar(80);
alter table idempotency_key alter column request_hash set data type varchar(80);
