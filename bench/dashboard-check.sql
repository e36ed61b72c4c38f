-- Checks the dashboard's read models after the rebuild, on a sample: the city, Nan'an (500108) and its
-- first street. Each unit's all-categories counters, per month, must equal a count straight from the
-- problems (problem, holder unit, month received or closed in Asia/Shanghai, state, flags), and there
-- must be one dash_problem row per problem. Fails (ON_ERROR_STOP) on any difference.
\set ON_ERROR_STOP on
do $$
declare
  missing bigint;
  wrong bigint;
  scope text;
begin
  select (select count(*) from problem) - (select count(*) from dash_problem) into missing;
  if missing <> 0 then
    raise exception 'dash_problem has % rows fewer than problem', missing;
  end if;
  foreach scope in array array['/500000/', '/500000/500108/', '/500000/500108/500108S001/'] loop
    with p as (
      select coalesce(p.responsible_unit_path, p.handling_unit_path) as holder, p.*
      from problem p
      where p.duplicate_of is null and not exists (select 1 from problem c where c.parent_id = p.id)
    ), fresh as (
      select month_key, sum(received) received, sum(closed) closed, sum(open) open, sum(overdue) overdue, sum(supervised) supervised
      from (
        select to_char(created_at at time zone 'Asia/Shanghai', 'YYYYMM')::int month_key, 1 received, 0 closed, 0 open, 0 overdue, 0 supervised
        from p where holder like scope || '%'
        union all
        select to_char(closed_at at time zone 'Asia/Shanghai', 'YYYYMM')::int, 0, 1, 0, 0, 0
        from p where holder like scope || '%' and state = 'CLOSED' and closed_at is not null
        union all
        select 0, 0, 0, 1, case when overdue then 1 else 0 end, case when supervised then 1 else 0 end
        from p where holder like scope || '%' and state not in ('CLOSED', 'DECLINED')
      ) x group by month_key
    ), kept as (
      select month_key, received::numeric received, closed::numeric closed, open::numeric open, overdue::numeric overdue,
             supervised::numeric supervised
      from dash_count where unit_path = scope and category_code = '*'
        and (received, closed, open, overdue, supervised) <> (0, 0, 0, 0, 0)
    )
    select count(*) into wrong from (
      (select * from fresh except select * from kept) union all (select * from kept except select * from fresh)) d;
    if wrong <> 0 then
      raise exception 'the dashboard counters of % differ from a fresh count in % months', scope, wrong;
    end if;
  end loop;
end $$;
