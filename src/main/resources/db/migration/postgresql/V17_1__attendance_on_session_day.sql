-- Attendance at a session counts on the day the session is held (its start in Asia/Shanghai), not
-- the day it was recorded (docs/learning.md, "The day it counts on"). Move what was recorded before
-- this rule to its session's day, then count every plan's coverage again from the check-ins.
-- (The H2 variant sits beside this one, in db/migration/h2.)
update check_in
set check_day = (select cast(s.starts_at at time zone 'Asia/Shanghai' as date)
                 from study_session s where s.id = check_in.session_id)
where session_id is not null;

delete from plan_coverage;

insert into plan_coverage (plan_id, unit_path, members, met)
select p.id, m.unit_path, count(*),
       sum(case when (select count(*) from check_in c
                      where c.account_id = m.account_id and c.check_day between p.period_start and p.period_end)
                     >= p.required_count then 1 else 0 end)
from study_plan p
join learning_member m on m.active = true and m.unit_path like p.unit_path || '%'
group by p.id, m.unit_path;
