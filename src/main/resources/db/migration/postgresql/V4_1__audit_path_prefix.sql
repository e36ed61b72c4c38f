create index audit_record_path_prefix on audit_record (unit_path varchar_pattern_ops);
create index account_unit_path_prefix on account (unit_path varchar_pattern_ops);
