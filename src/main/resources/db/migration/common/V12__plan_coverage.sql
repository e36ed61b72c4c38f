-- Coverage of each plan per unit, kept up to date by check-ins and member changes, so the city's
-- roll-up reads one row per unit instead of counting every member's check-ins at each view.
create table plan_coverage (
    plan_id   bigint        not null references study_plan (id),
    unit_path varchar(1000) not null,
    members   int           not null,
    met       int           not null,
    primary key (plan_id, unit_path)
);

insert into plan_coverage (plan_id, unit_path, members, met)
select p.id, m.unit_path, count(*),
       sum(case when (select count(*) from check_in c
                      where c.account_id = m.account_id and c.check_day between p.period_start and p.period_end)
                     >= p.required_count then 1 else 0 end)
from study_plan p
join learning_member m on m.active = true and m.unit_path like p.unit_path || '%'
group by p.id, m.unit_path;
