-- Outside the C collation PostgreSQL uses a btree for LIKE 'prefix%' only with pattern ops.
create index unit_path_prefix on unit (path varchar_pattern_ops);
create index unit_name_zh on unit (name_zh);
