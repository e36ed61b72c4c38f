-- LIKE 'prefix%' on the dashboard's paths (unit moves) uses a btree under a non-C collation.
create index dash_count_path_prefix on dash_count (unit_path varchar_pattern_ops);
create index dash_count_parent_prefix on dash_count (parent_path varchar_pattern_ops);
create index dash_problem_path_prefix on dash_problem (unit_path varchar_pattern_ops);
create index dash_problem_summons_path_prefix on dash_problem_summons (unit_path varchar_pattern_ops);
