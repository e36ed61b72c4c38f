-- H2 has no INCLUDE; the PostgreSQL variant covers the order columns too.
create index problem_party_filter on problem_party (category_code, state, unit_path, problem_id);
