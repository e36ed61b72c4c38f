-- Unit pickers and the audit filters look units and accounts up by the start of a name. English
-- names match whatever the case: H2 has no expression indexes, so the lower-case name is a column.
alter table unit add column name_en_key varchar(200) generated always as (lower(name_en));
create index unit_name_en_key on unit (name_en_key);
create index account_display_name on account (display_name);
