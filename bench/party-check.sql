-- Party rows carry copies of their problem's order and filter columns (ProblemRepository keeps
-- them); a copy that differs would put a problem on the wrong page of a scoped list.
do $$ declare n bigint; begin
  select count(*) into n from problem_party pp join problem p on p.id = pp.problem_id
    where pp.state <> p.state or pp.category_code <> p.category_code or pp.overdue <> p.overdue
       or pp.priority <> p.priority or pp.due is distinct from coalesce(p.deadline, p.response_due);
  if n <> 0 then raise exception '% party rows whose copies differ from their problem', n; end if;
end $$;
