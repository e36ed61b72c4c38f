-- The scope's party rows with the order columns in the index: a street's first page is an
-- index-only range read and a top-20 sort (the prefix index it replaces led to 13,000 heap
-- fetches of problems for one street at full scale).
create index problem_party_scope on problem_party (unit_path varchar_pattern_ops, problem_id)
    include (state, category_code, overdue, priority, due);
drop index problem_party_path_prefix;
-- A search by category and state within any scope below the city reads only its matches.
create index problem_party_filter on problem_party (category_code, state, unit_path varchar_pattern_ops, problem_id)
    include (overdue, priority, due);
