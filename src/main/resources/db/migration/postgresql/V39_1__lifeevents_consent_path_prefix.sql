-- prefix matches on the copied unit paths use the index (the C collation's order, as elsewhere)
create index le_consent_path_prefix on le_consent (unit_path varchar_pattern_ops);
