-- LIKE 'prefix%' on the applications' and tasks' paths uses a btree under a non-C collation.
create index le_application_path_prefix on le_application (community_path varchar_pattern_ops);
create index le_task_department_prefix on le_task (department_path varchar_pattern_ops);
