-- The floor of a check-in in the database: the three statements the app sends on a check-in's
-- request path (the person behind the token, the scan, the audit record), as the app sends them,
-- in one transaction, from pgbench (C, prepared statements), with no app in between. Run by
-- bench/floor.sh, which makes bench_floor (a member's token hash and account, by number) and
-- bench_floor_audit (like audit_record) and removes the check-ins and marks it wrote afterwards.
-- Differences from the app: one primary-key read of bench_floor per transaction to find a member and
-- its token; dates from now(); the audit record goes to bench_floor_audit so the audit chain stays
-- the app's.
\set n random(1, :members)
begin;
select token_hash, account_id from bench_floor where n = :n \gset
select a.id, a.username, a.display_name, a.password_hash, a.unit_id, a.unit_path, a.phone_cipher, a.enabled, a.must_change_password, a.failed_attempts, a.locked_until, a.demo, a.version, a.credentials_changed_at, r.role, r.scope_kind, ru.unit_code, ru.unit_id as assigned_unit_id from access_token t join account a on a.id = t.account_id left join account_role r on r.account_id = a.id left join account_role_unit ru on ru.role_id = r.id where t.token_hash = :token_hash and t.revoked_at is null order by r.role, ru.unit_code;
with snap as (select scans, unit_path from learning_member where account_id = :account_id),
m as (update learning_member set scans = scans + 1 where account_id = :account_id and active = true returning account_id, username, display_name, unit_id, unit_path, active, scans),
pt as (select name, unit_path, restricted from learning_point where id = :point),
state as (select m.scans = snap.scans + 1 and m.unit_path = snap.unit_path as fresh,
  exists (select 1 from check_in c where c.account_id = :account_id and c.point_id = :point and c.check_day = (now() at time zone 'Asia/Shanghai')::date) as already,
  not pt.restricted or m.unit_path like coalesce(substring(pt.unit_path from '^/[^/]+/[^/]+/'), pt.unit_path) || '%' as allowed from m, snap, pt),
ins as (insert into check_in (account_id, unit_path, point_id, session_id, check_day, at, method) select m.account_id, m.unit_path, :point, null, (now() at time zone 'Asia/Shanghai')::date, now(), 'QR' from m, state where state.fresh and not state.already and state.allowed returning id, account_id),
marked as (insert into learning_changed (id) select * from (select account_id from ins) i on conflict (id) do update set id = excluded.id)
select m.account_id, m.username, m.display_name, m.unit_id, m.unit_path, m.active, pt.name, pt.unit_path, coalesce(pt.restricted, false), coalesce(state.fresh, false), coalesce(state.already, false), (select count(*) from ins) as inserted, p.*,
  (select count(*) from check_in c where c.account_id = :account_id and c.check_day between p.period_start and p.period_end) as done
from m left join pt on true left join state on true left join study_plan p on m.unit_path like p.unit_path || '%' and (now() at time zone 'Asia/Shanghai')::date between p.period_start and p.period_end order by p.period_start desc, p.id desc;
insert into bench_floor_audit (chain, occurred_at, actor_id, actor_name, kind, subject_type, subject_id, unit_path, before_state, after_state, content_hash) values ('main', now(), :account_id, 'bench.floor', 'CHECKED_IN', 'LEARNING_POINT', :point, '/500000/500108/', null, json_build_object('accountId', :account_id::bigint, 'unitPath', '/500000/500108/500108S001/', 'pointId', :point::bigint, 'sessionId', null, 'day', (now() at time zone 'Asia/Shanghai')::date, 'method', 'QR')::text, md5(random()::text) || md5(random()::text));
commit;
