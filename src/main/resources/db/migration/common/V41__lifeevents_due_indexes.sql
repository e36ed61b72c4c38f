-- The hourly overdue job looks for open applications and tasks past their deadline and not yet
-- flagged; these keep that a range read as applications accumulate, instead of a full scan.
create index le_application_due on le_application (state, overdue, deadline);
create index le_task_due on le_task (overdue, deadline);
