-- H2 has no expression indexes; the PostgreSQL variant orders the problem lists by index.
create index problem_list_overdue on problem (overdue, priority);
