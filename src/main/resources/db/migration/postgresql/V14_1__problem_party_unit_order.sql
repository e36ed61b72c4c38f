-- Each unit's party rows in the lists' order: a page for a street reads the first rows of each of
-- its hundred units and merges them (ProblemSearch.pageFromUnits) instead of its whole range,
-- 21,000 rows at full bench scale. Pattern ops still serve the prefix ranges and counts.
create index if not exists problem_party_scope_order on problem_party (unit_path varchar_pattern_ops,
    overdue desc, priority desc, due, problem_id desc) include (state, category_code);
drop index if exists problem_party_scope;
