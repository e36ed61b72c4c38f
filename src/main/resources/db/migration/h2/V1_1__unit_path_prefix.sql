-- H2 uses the unique index on path for LIKE 'prefix%'; nothing more is needed.
create index unit_name_zh on unit (name_zh);
