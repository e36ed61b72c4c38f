-- Scope is a prefix match on unit paths: PostgreSQL needs varchar_pattern_ops for LIKE 'prefix%'.
create index visit_unit_path_prefix on visit (unit_path varchar_pattern_ops);
create index visit_cadre_unit_path_prefix on visit (cadre_unit_path varchar_pattern_ops);
