-- The kept coverage (plan_coverage) equals coverage counted afresh from members and check-ins,
-- for every plan. run.sh checks it before the scenarios and again after the check-in load.
\set ON_ERROR_STOP on
do $$
declare
  wrong bigint;
begin
  with live as (
    select p.id as plan_id, m.unit_path, count(*) as members,
           sum(case when d.done >= p.required_count then 1 else 0 end) as met
    from study_plan p
    join learning_member m on m.active and m.unit_path like p.unit_path || '%'
    cross join lateral (select count(*) as done from check_in c
                        where c.account_id = m.account_id and c.check_day between p.period_start and p.period_end) d
    group by p.id, m.unit_path),
  kept as (select plan_id, unit_path, members, met from plan_coverage where members <> 0 or met <> 0)
  select count(*) into wrong from (
    (select * from live except select * from kept) union all (select * from kept except select * from live)) diff;
  if wrong <> 0 then raise exception 'plan coverage differs from a fresh count in % rows', wrong; end if;
  raise notice 'plan coverage matches a fresh count';
end $$;
