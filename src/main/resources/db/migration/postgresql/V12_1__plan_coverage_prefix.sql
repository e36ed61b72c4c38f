-- prefix matches on a plan's unit paths under any collation
create index plan_coverage_path_prefix on plan_coverage (plan_id, unit_path varchar_pattern_ops);
