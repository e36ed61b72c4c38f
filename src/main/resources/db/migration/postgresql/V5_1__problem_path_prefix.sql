-- Prefix queries on copied unit paths need pattern ops outside the C collation.
create index problem_party_path_prefix on problem_party (unit_path varchar_pattern_ops, problem_id);
create index notification_unit_prefix on notification (unit_path varchar_pattern_ops);
