-- The dashboard's read models for the generated problems, in SQL: what the app's rebuild
-- (POST /api/v1/dashboard/rebuild, Rebuild and Fact in org.grassroots.dashboard.internal) writes,
-- set-based instead of one problem at a time through the app. Included by generate.sql; run.sh checks
-- the result against fresh counts (dashboard-check.sql) and, at small scales, against the rebuild itself.
truncate dash_count, dash_problem, dash_problem_summons;

-- one fact per problem (Fact.of): the unit holding it now, months in Asia/Shanghai; duplicates and
-- split parents are not counted (and add nothing but their summonses)
insert into dash_problem (problem_id, unit_path, category_code, counted, received_month, responded, declined,
                          returned, reopened, closed_month, resolved, closed_on_time, rated, satisfied, open, overdue, supervised)
select p.id, coalesce(p.responsible_unit_path, p.handling_unit_path), p.category_code, f.counted,
       to_char(p.created_at at time zone 'Asia/Shanghai', 'YYYYMM')::int,
       f.counted and p.first_action_at is not null and (p.response_due is null or p.first_action_at <= p.response_due),
       f.counted and p.state = 'DECLINED',
       case when f.counted then p.return_count else 0 end,
       f.counted and r.problem_id is not null,
       case when f.counted and f.closed then to_char(p.closed_at at time zone 'Asia/Shanghai', 'YYYYMM')::int else 0 end,
       f.counted and f.closed and p.evaluation is distinct from 'DISSATISFIED',
       f.counted and f.closed and (p.deadline is null or p.closed_at <= p.deadline),
       f.counted and f.closed and p.evaluation is not null,
       f.counted and f.closed and coalesce(p.evaluation in ('SATISFIED', 'BASICALLY_SATISFIED'), false),
       f.counted and f.open, f.counted and f.open and p.overdue, f.counted and f.open and p.supervised
from problem p
left join (select distinct parent_id from problem where parent_id is not null) sp on sp.parent_id = p.id
left join (select distinct problem_id from problem_event where action = 'REOPEN') r on r.problem_id = p.id
cross join lateral (select p.duplicate_of is null and sp.parent_id is null as counted,
                           p.state = 'CLOSED' and p.closed_at is not null as closed,
                           p.state not in ('CLOSED', 'DECLINED') as open) f;

-- each summoned department, in the rebuild's order (FactQueries: summons id, then department unit id)
insert into dash_problem_summons (problem_id, seq, unit_path, month_key, on_time)
select s.problem_id, row_number() over (partition by s.problem_id order by s.id, d.unit_id) - 1, d.unit_path,
       to_char(s.issued_at at time zone 'Asia/Shanghai', 'YYYYMM')::int,
       d.reported_at is not null and d.reported_at <= s.due_at
from summons s join summons_department d on d.summons_id = s.id
join problem p on p.id = s.problem_id
where p.duplicate_of is null;

-- the counters (Fact.contributions, Counters.Delta): each fact's contributions at its unit, summed
-- per unit, month and category first, then rolled up to every ancestor and to the '*' rows
create temporary table dash_base as
select unit_path, month_key, category_code, sum(received) received, sum(responded) responded, sum(declined) declined,
       sum(returned) returned, sum(reopened) reopened, sum(summoned) summoned, sum(reported_in) reported_in,
       sum(closed) closed, sum(resolved) resolved, sum(closed_on_time) closed_on_time, sum(rated) rated,
       sum(satisfied) satisfied, sum(open) open, sum(overdue) overdue, sum(supervised) supervised
from (
  select unit_path, received_month month_key, category_code, 1 received, responded::int responded, declined::int declined,
         returned, reopened::int reopened, 0 summoned, 0 reported_in, 0 closed, 0 resolved, 0 closed_on_time, 0 rated,
         0 satisfied, 0 open, 0 overdue, 0 supervised
  from dash_problem where counted
  union all
  select unit_path, closed_month, category_code, 0, 0, 0, 0, 0, 0, 0, 1, resolved::int, closed_on_time::int, rated::int,
         satisfied::int, 0, 0, 0
  from dash_problem where counted and closed_month <> 0
  union all
  select unit_path, 0, category_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, open::int, overdue::int, supervised::int
  from dash_problem where counted and open
  union all
  select s.unit_path, s.month_key, f.category_code, 0, 0, 0, 0, 0, 1, s.on_time::int, 0, 0, 0, 0, 0, 0, 0, 0
  from dash_problem_summons s join dash_problem f on f.problem_id = s.problem_id
) c
group by unit_path, month_key, category_code;

insert into dash_count (unit_path, parent_path, month_key, category_code, received, responded, declined, returned,
                        reopened, summoned, reported_in, closed, resolved, closed_on_time, rated, satisfied, open,
                        overdue, supervised)
select a.path, case when a.depth > 1 then '/' || array_to_string(a.parts[1:a.depth - 1], '/') || '/' end,
       b.month_key, k.category_code, sum(received), sum(responded), sum(declined), sum(returned), sum(reopened),
       sum(summoned), sum(reported_in), sum(closed), sum(resolved), sum(closed_on_time), sum(rated), sum(satisfied),
       sum(open), sum(overdue), sum(supervised)
from dash_base b
cross join lateral (select string_to_array(trim(both '/' from b.unit_path), '/') parts) s
cross join lateral (select i depth, s.parts, '/' || array_to_string(s.parts[1:i], '/') || '/' path
                    from generate_series(1, cardinality(s.parts)) i) a
cross join lateral (values (b.category_code), ('*')) k(category_code)
group by a.path, a.depth, a.parts[1:a.depth - 1], b.month_key, k.category_code
having (sum(received), sum(responded), sum(declined), sum(returned), sum(reopened), sum(summoned), sum(reported_in),
        sum(closed), sum(resolved), sum(closed_on_time), sum(rated), sum(satisfied), sum(open), sum(overdue),
        sum(supervised)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
drop table dash_base;
