-- Unit pickers and the audit filters look units and accounts up by the start of a name. Outside
-- the C collation a btree serves LIKE 'prefix%' only with pattern ops (they also serve equality).
-- English names match whatever the case, through a lower-case copy kept by the database, the same
-- column as on H2.
alter table unit add column name_en_key varchar(200) generated always as (lower(name_en)) stored;
create index unit_name_en_key on unit (name_en_key varchar_pattern_ops);
create index unit_name_zh_prefix on unit (name_zh varchar_pattern_ops);
create index account_display_name on account (display_name varchar_pattern_ops);
