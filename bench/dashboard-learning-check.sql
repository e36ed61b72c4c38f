-- Checks the dashboard's learning rows against the learning module's own tables, on a sample: the
-- city, Nan'an (500108) and its first street. Per plan, members covered and met must equal the sum
-- of plan_coverage over the unit's subtree; per month, check-ins must equal the check-ins of the
-- active members there now. run.sh runs it after the rebuild and again after the check-in load
-- (whose events the dashboard counted on top). Fails (ON_ERROR_STOP) on any difference.
\set ON_ERROR_STOP on
do $$
declare
  wrong bigint;
  scope text;
begin
  foreach scope in array array['/500000/', '/500000/500108/', '/500000/500108/500108S001/'] loop
    with fresh as (
      select plan_id, sum(members)::bigint members, sum(met)::bigint met
      from plan_coverage where unit_path like scope || '%' group by plan_id
      having sum(members) <> 0 or sum(met) <> 0
    ), kept as (
      select plan_id, members, met from dash_learning_cover
      where unit_path = scope and (members <> 0 or met <> 0)
    )
    select count(*) into wrong from (
      (select * from fresh except select * from kept) union all (select * from kept except select * from fresh)) d;
    if wrong <> 0 then
      raise exception 'the dashboard coverage of % differs from plan_coverage in % plans', scope, wrong;
    end if;
    with fresh as (
      select to_char(c.check_day, 'YYYYMM')::int month_key, count(*)::bigint check_ins
      from check_in c join learning_member m on m.account_id = c.account_id
      where m.active and m.unit_path like scope || '%'
      group by 1
    ), kept as (
      select month_key, check_ins from dash_learning_month where unit_path = scope and check_ins <> 0
    )
    select count(*) into wrong from (
      (select * from fresh except select * from kept) union all (select * from kept except select * from fresh)) d;
    if wrong <> 0 then
      raise exception 'the dashboard check-ins of % differ from a fresh count in % months', scope, wrong;
    end if;
  end loop;
  raise notice 'the dashboard learning rows match a fresh count';
end $$;
