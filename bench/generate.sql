-- City-scale data for the benchmarks, generated inside PostgreSQL with INSERT … SELECT over
-- generate_series (set-based, no round trips). Run with: psql -v scale=1.0 -v hash='<bcrypt>' -f generate.sql
-- At scale 1: ~100,000 units, 2,000,000 members, 10,000,000 problems, 20,000,000 check-ins.
\set ON_ERROR_STOP on
\timing on
set synchronous_commit = off;
set maintenance_work_mem = '1GB';
-- no triggers, so no foreign-key check per row: 20 M check-ins each locking their point's row
-- took over 10 minutes. check.sql verifies every reference afterwards instead.
set session_replication_role = replica;

-- streets (26 per district), communities (11 per street), departments (89 per street)
insert into unit (code, name_zh, name_en, level, batch, kind, parent_id, path, depth, demo, created_at)
select d.code || 'S' || lpad(i::text, 3, '0'), d.name_zh || '第' || i || '街道', null, 'STREET', 'SECOND', 'ADMINISTRATIVE',
       d.id, d.path || d.code || 'S' || lpad(i::text, 3, '0') || '/', d.depth + 1, true, now()
from unit d, generate_series(1, greatest(1, round(26 * :scale))::int) i
where d.level = 'DISTRICT' and d.kind = 'ADMINISTRATIVE';

insert into unit (code, name_zh, name_en, level, batch, kind, parent_id, path, depth, demo, created_at)
select s.code || 'C' || lpad(i::text, 2, '0'), s.name_zh || i || '社区', null, 'COMMUNITY', 'SECOND', 'ADMINISTRATIVE',
       s.id, s.path || s.code || 'C' || lpad(i::text, 2, '0') || '/', s.depth + 1, true, now()
from unit s, generate_series(1, greatest(1, round(11 * sqrt(:scale)))::int) i
where s.level = 'STREET' and s.code like '%S___';

insert into unit (code, name_zh, name_en, level, batch, kind, parent_id, path, depth, demo, created_at)
select s.code || 'D' || lpad(i::text, 3, '0'), s.name_zh || '站所' || i, null, 'STREET', 'SECOND', 'DEPARTMENT',
       s.id, s.path || s.code || 'D' || lpad(i::text, 3, '0') || '/', s.depth + 1, true, now()
from unit s, generate_series(1, round(89 * :scale)::int) i
where s.level = 'STREET' and s.code like '%S___';

create table bench_community as
select id, path, split_part(path, '/', 3) as district, split_part(path, '/', 4) as street,
       (row_number() over (order by id)) - 1 as n
from unit where level = 'COMMUNITY' and code like '%S___C__';
create unique index on bench_community (n);
analyze bench_community;

-- the bulk tables lose their secondary indexes while they fill, and get them back in one build
-- each afterwards: maintaining a dozen indexes row by row made 20 M check-ins take over 15 minutes
create table bench_saved_index as
select i.indexname, i.indexdef from pg_indexes i
where i.schemaname = 'public'
  and i.tablename in ('account', 'account_role', 'learning_member', 'check_in', 'problem', 'problem_party')
  and not exists (select 1 from pg_constraint c where c.conindid = to_regclass('public.' || quote_ident(i.indexname)));
do $$ declare r record; begin
  for r in select indexname from bench_saved_index loop execute 'drop index ' || quote_ident(r.indexname); end loop;
end $$;

-- members: accounts with the PARTY_MEMBER role, spread over the communities
insert into account (username, display_name, password_hash, unit_id, unit_path, enabled, must_change_password,
                     failed_attempts, demo, created_at)
select 'bench.m' || g, '党员' || g, :'hash', c.id, c.path, true, false, 0, true, now()
from generate_series(0, round(2000000 * :scale)::int - 1) g
join bench_community c on c.n = g % (select count(*) from bench_community);

insert into account_role (account_id, role, scope_kind)
select id, 'PARTY_MEMBER', 'SELF' from account where username like 'bench.m%';

insert into learning_member (account_id, username, display_name, unit_id, unit_path, active)
select id, username, display_name, unit_id, unit_path, true from account where username like 'bench.m%';

-- one learning point per street, a city-wide plan over the last 30 days
insert into learning_point (name, kind, unit_id, unit_path, restricted, created_by, created_at)
select name_zh || '学习打卡点', 'CHECK_IN_POINT', id, path, false, 'bench', now()
from unit where level = 'STREET' and code like '%S___';

insert into study_plan (title, unit_id, unit_path, period_start, period_end, required_count, created_by, created_at)
select 'bench plan', id, path, current_date - 29, current_date, 4, 'bench', now() from unit where code = '500000';

-- fresh statistics, or the planner takes the just-filled tables for empty and joins them by
-- nested loops (2 M members times a thousand points)
analyze unit, account, learning_member, learning_point, study_plan;

-- check-ins: ten per member on ten different days before today, at their street's point
insert into check_in (account_id, unit_path, point_id, session_id, check_day, at, method)
select m.account_id, m.unit_path, pt.id, null, current_date - 1 - k, now() - (k + 1) * interval '1 day', 'QR'
from learning_member m
join learning_point pt on pt.unit_path = substring(m.unit_path from '^(/[^/]+/[^/]+/[^/]+/)')
cross join generate_series(0, 9) k
where m.username like 'bench.m%' and pt.created_by = 'bench';

-- problems over two years: states, categories, sources, overdue, supervised and returned in realistic shares;
-- reminders for deadlines within three days count as sent, as they would be in a running system
insert into problem (ledger_no, title, description, source, category_code, urgency, problem_type, state, district_code,
                     raising_unit_id, raising_unit_path, handling_unit_id, handling_unit_path, location_unit_id,
                     location_unit_path, responsible_unit_id, responsible_unit_path, response_due, first_action_at, deadline,
                     overdue, supervised, priority, return_count, report_count, created_at, updated_at, closed_at,
                     deadline_notified)
select c.district || '-B' || lpad(g::text, 9, '0'),
       '基准问题 ' || g, '生成的问题描述 ' || g,
       (array['SELF_FOUND','POINTED_OUT_BY_SUPERIOR','UNIT_INSPECTION','PEER_HELP','RAISED_BY_GRASSROOTS','RESEARCH','VISIT',
              'HOTLINE','PETITION','RESIDENT','STUDY'])[1 + g % 11],
       (array['PROPERTY_DISPUTE','ELEVATOR','PARKING','EMPLOYMENT','EDUCATION','MEDICAL_CARE','CHILDCARE','HOUSING',
              'ELDERLY_CARE','OTHER'])[1 + (g / 11) % 10],
       'GENERAL', 'IMMEDIATE', st.state, c.district,
       c.id, c.path, dist.id, '/500000/' || c.district || '/', c.id, c.path,
       case when st.state in ('ASSIGNED','RECTIFYING','SUBMITTED','CLOSED') then street.id end,
       case when st.state in ('ASSIGNED','RECTIFYING','SUBMITTED','CLOSED') then street.path end,
       -- 8 % of open problems are past their limit (and flagged); the rest are due in the next 30 days
       case when st.state = 'REPORTED' and g % 100 >= 8 then now() + interval '1 day' else created + interval '1 day' end,
       case when st.state <> 'REPORTED' then created + interval '3 hours' end,
       case when st.state in ('ASSIGNED','RECTIFYING','SUBMITTED') and g % 100 >= 8 then now() + (1 + g % 30) * interval '1 day'
            when st.state in ('ASSIGNED','RECTIFYING','SUBMITTED','CLOSED') then created + interval '7 days' end,
       st.state in ('REPORTED','ASSIGNED','RECTIFYING') and g % 100 < 8, st.state in ('RECTIFYING','SUBMITTED') and g % 100 < 3, 0,
       case when g % 100 < 5 then 1 else 0 end, 1, created, created, case when st.state = 'CLOSED' then created + interval '6 days' end,
       true
from generate_series(0, round(10000000 * :scale)::int - 1) g
join bench_community c on c.n = g % (select count(*) from bench_community)
join unit dist on dist.code = c.district
join unit street on street.code = c.street
cross join lateral (select now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second' as created) t
cross join lateral (select case when g % 100 < 10 then 'REPORTED' when g % 100 < 15 then 'ACCEPTED'
                               when g % 100 < 18 then 'DECLINED' when g % 100 < 28 then 'ASSIGNED'
                               when g % 100 < 48 then 'RECTIFYING' when g % 100 < 55 then 'SUBMITTED'
                               else 'CLOSED' end as state) st;

analyze problem;
-- party rows carry the problem's order and filter columns, as ProblemRepository keeps them
insert into problem_party (problem_id, unit_path, state, category_code, overdue, priority, due)
select id, path, state, category_code, overdue, priority, coalesce(deadline, response_due)
from problem cross join lateral (values (location_unit_path), (handling_unit_path), (responsible_unit_path)) parties (path)
where ledger_no like '%-B%' and path is not null;

do $$ declare r record; begin
  for r in select indexdef from bench_saved_index loop execute r.indexdef; end loop;
end $$;
drop table bench_saved_index;

-- every plan's coverage per unit, as the app keeps it (plan_coverage), counted once here
delete from plan_coverage;
insert into plan_coverage (plan_id, unit_path, members, met)
select p.id, m.unit_path, count(*), sum(case when d.done >= p.required_count then 1 else 0 end)
from study_plan p
join learning_member m on m.active and m.unit_path like p.unit_path || '%'
cross join lateral (select count(*) as done from check_in c
                    where c.account_id = m.account_id and c.check_day between p.period_start and p.period_end) d
group by p.id, m.unit_path;

-- the incumbent framework's shape for comparison: a dept table with a comma-separated ancestors column
create table ruoyi_dept (dept_id bigint primary key, parent_id bigint, ancestors varchar(2000) not null);
with recursive tree as (
  select id, parent_id, '0'::text as ancestors from unit where parent_id is null
  union all
  select u.id, u.parent_id, t.ancestors || ',' || t.id from unit u join tree t on u.parent_id = t.id
)
insert into ruoyi_dept select id, coalesce(parent_id, 0), ancestors from tree;

-- reference tables for pgbench: a row as wide as a check-in
create table bench_insert (
    id         bigint generated by default as identity primary key,
    account_id bigint        not null,
    unit_path  varchar(1000) not null,
    point_id   bigint,
    session_id bigint,
    check_day  date          not null,
    at         timestamp with time zone not null,
    method     varchar(8)    not null
);

-- the dashboard's read models, as the app's rebuild would write them (checked by run.sh)
\ir dashboard-fill.sql

-- vacuumed as a settled database would be: visibility maps let the list's party range be read
-- from its index alone, and autovacuum does not start on 30 M fresh rows during the measurement
vacuum (analyze);
