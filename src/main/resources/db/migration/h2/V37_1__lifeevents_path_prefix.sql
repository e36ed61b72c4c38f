-- H2 serves LIKE 'prefix%' from the plain index of V37 (the postgresql variant needs varchar_pattern_ops);
-- this one covers the department queue's scope by path.
create index le_task_department_prefix on le_task (department_path);
