-- prefix matches on unit paths (scope) use these on PostgreSQL; H2 uses the plain indexes
create index research_plan_path_prefix on research_plan (owner_unit_path varchar_pattern_ops);
create index work_measure_owner_path_prefix on work_measure (owner_unit_path varchar_pattern_ops);
create index work_measure_plan_path_prefix on work_measure (plan_unit_path varchar_pattern_ops);
