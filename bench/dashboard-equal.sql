-- After the app's rebuild at small scales (run.sh): the rows generate.sql wrote in SQL
-- (bench/dashboard-fill.sql, kept in bench_fill_*) must equal the rows the rebuild wrote, every
-- column of every row of dash_count, dash_problem and dash_problem_summons. Fails on a difference.
\set ON_ERROR_STOP on
do $$
declare
  wrong bigint;
begin
  select count(*) into wrong from ((select * from dash_count except all select * from bench_fill_count)
    union all (select * from bench_fill_count except all select * from dash_count)) d;
  if wrong <> 0 then raise exception 'dash_count: % rows differ between the SQL fill and the rebuild', wrong; end if;
  select count(*) into wrong from ((select * from dash_problem except all select * from bench_fill_problem)
    union all (select * from bench_fill_problem except all select * from dash_problem)) d;
  if wrong <> 0 then raise exception 'dash_problem: % rows differ between the SQL fill and the rebuild', wrong; end if;
  select count(*) into wrong from ((select * from dash_problem_summons except all select * from bench_fill_summons)
    union all (select * from bench_fill_summons except all select * from dash_problem_summons)) d;
  if wrong <> 0 then raise exception 'dash_problem_summons: % rows differ between the SQL fill and the rebuild', wrong; end if;
  raise notice 'the generated dashboard figures equal the rebuild: % counter rows', (select count(*) from dash_count);
end $$;
-- (run.sh drops the bench_fill_* copies before the next try; on success they go here)
drop table bench_fill_count, bench_fill_problem, bench_fill_summons;
