-- Each party row carries copies of its problem's list order and filter columns, so that a scope
-- below the district reads its first page from its own party rows in one index range instead of
-- walking the city's list order. The problems module keeps the copies in the same transaction as
-- every change to the problem (ProblemRepository.update and addParty).
alter table problem_party add column state varchar(16);
alter table problem_party add column category_code varchar(40);
alter table problem_party add column overdue boolean not null default false;
alter table problem_party add column priority int not null default 0;
alter table problem_party add column due timestamp with time zone;

update problem_party set (state, category_code, overdue, priority, due) =
    (select p.state, p.category_code, p.overdue, p.priority, coalesce(p.deadline, p.response_due)
     from problem p where p.id = problem_party.problem_id);

alter table problem_party alter column state set not null;
alter table problem_party alter column category_code set not null;
