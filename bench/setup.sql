-- Bench callers: a street caseworker, a district administrator, the city administrator and the
-- security auditor (who verifies the audit chain after the load), each
-- with a known token; a token for each of the first 200,000 generated members; an Open311 key. Tokens are stored as the app
-- stores them (SHA-256 hex), so the real bearer filter checks them.
\set ON_ERROR_STOP on
-- no per-row foreign-key triggers (they lock every account row they point at); nothing here dangles
set session_replication_role = replica;
insert into account (username, display_name, password_hash, unit_id, unit_path, enabled, must_change_password,
                     failed_attempts, demo, created_at)
select v.username, v.username, '{bcrypt}$2a$10$benchbenchbenchbenchbeuYhZ6kq0Jr8iS2bV0eA3lW9Xq1rJx7Fm', u.id, u.path, true,
       false, 0, true, now()
from (values ('bench.street', '500108S001'), ('bench.district', '500108'), ('bench.city', '500000'),
             ('bench.auditor', '500000')) v(username, code)
join unit u on u.code = v.code
where not exists (select 1 from account a where a.username = v.username);

insert into account_role (account_id, role, scope_kind)
select a.id, v.role, v.scope from account a
join (values ('bench.street', 'CASEWORKER', 'UNIT_AND_BELOW'), ('bench.district', 'UNIT_ADMIN', 'UNIT_AND_BELOW'),
             ('bench.city', 'CITY_ADMIN', 'ALL'), ('bench.auditor', 'SECURITY_AUDITOR', 'ALL')) v(username, role, scope) on v.username = a.username
where not exists (select 1 from account_role r where r.account_id = a.id);

-- a nearly empty token table invites a nested-loop anti-join that rescans it for every one of
-- 2 M accounts (seen: 120 rows a second); hash or merge it instead
set enable_nestloop = off;
insert into access_token (account_id, name, token_hash, created_at)
select id, 'bench', encode(sha256(convert_to('grt_' || replace(username, '.', '_'), 'UTF8')), 'hex'), now()
from account a
where (username in ('bench.street', 'bench.district', 'bench.city', 'bench.auditor')
       or (username like 'bench.m%' and substring(username from 8)::int < 200000))
  and not exists (select 1 from access_token t where t.account_id = a.id);

insert into open311_key (name, key_hash, key_prefix, created_by, created_at)
select 'bench', encode(sha256(convert_to('o311_bench', 'UTF8')), 'hex'), 'o311_benc', 'bench', now()
where not exists (select 1 from open311_key where name = 'bench');
analyze;
