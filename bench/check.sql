-- The generated data set holds what was asked for and nothing dangles. Fails (exit 3) on any mismatch.
\set ON_ERROR_STOP on
do $$
declare
  scale numeric := current_setting('bench.scale')::numeric;
  n bigint;
begin
  select count(*) into n from account where username like 'bench.m%';
  if n <> round(2000000 * scale) then raise exception 'members: % instead of %', n, round(2000000 * scale); end if;
  select count(*) into n from problem where ledger_no like '%-B%';
  if n <> round(10000000 * scale) then raise exception 'problems: % instead of %', n, round(10000000 * scale); end if;
  select count(*) into n from check_in c join learning_member m on m.account_id = c.account_id
    where m.username like 'bench.m%' and c.check_day < current_date and c.at < now() - interval '12 hours';
  if n <> round(2000000 * scale) * 10 then raise exception 'check-ins: % instead of %', n, round(2000000 * scale) * 10; end if;
  select count(*) into n from unit u left join unit p on p.id = u.parent_id where u.parent_id is not null and p.id is null;
  if n <> 0 then raise exception '% units without their parent', n; end if;
  select count(*) into n from unit u join unit p on p.id = u.parent_id where u.path <> p.path || u.code || '/';
  if n <> 0 then raise exception '% units whose path does not extend their parent''s', n; end if;
  select count(*) into n from account a left join unit u on u.id = a.unit_id where u.id is null or u.path <> a.unit_path;
  if n <> 0 then raise exception '% accounts without their unit', n; end if;
  select count(*) into n from learning_member m left join account a on a.id = m.account_id where a.id is null;
  if n <> 0 then raise exception '% members without an account', n; end if;
  select count(*) into n from check_in c left join learning_point p on p.id = c.point_id where c.point_id is not null and p.id is null;
  if n <> 0 then raise exception '% check-ins at no point', n; end if;
  select count(*) into n from problem p left join unit u on u.id = p.location_unit_id
    where p.location_unit_id is not null and (u.id is null or u.path <> p.location_unit_path);
  if n <> 0 then raise exception '% problems without their unit', n; end if;
  select count(*) into n from problem p where not exists (select 1 from problem_party pp where pp.problem_id = p.id);
  if n <> 0 then raise exception '% problems without a party', n; end if;
  select count(*) into n from problem_party pp left join problem p on p.id = pp.problem_id where p.id is null;
  if n <> 0 then raise exception '% parties of no problem', n; end if;
  select count(*) into n from problem p left join problem_category c on c.code = p.category_code where c.code is null;
  if n <> 0 then raise exception '% problems of no category', n; end if;
  select count(*) into n from account_role r left join account a on a.id = r.account_id where a.id is null;
  if n <> 0 then raise exception '% roles of no account', n; end if;
  select count(*) into n from ruoyi_dept d left join unit u on u.id = d.dept_id where u.id is null;
  if n <> 0 then raise exception '% ruoyi depts without a unit', n; end if;
  raise notice 'data set checked: units %, members %, problems %, check-ins %',
    (select count(*) from unit), round(2000000 * scale), round(10000000 * scale), round(2000000 * scale) * 10;
end $$;
