-- H2 uses a plain index for LIKE 'prefix%'.
create index problem_party_path_prefix on problem_party (unit_path, problem_id);
