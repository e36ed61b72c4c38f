-- prefix matches on the copied unit paths use the index (the C collation's order, as elsewhere)
create index typical_case_path_prefix on typical_case (unit_path varchar_pattern_ops);
create index mechanism_path_prefix on mechanism (unit_path varchar_pattern_ops);
