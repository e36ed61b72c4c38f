-- The inbox finds the problems a unit may still have to act on by these columns (NoticeRepository);
-- H2 has no partial indexes, the PostgreSQL variant indexes only the rows that can match.
create index problem_raising_side on problem (raising_side_path, state);
create index problem_responsible_side on problem (responsible_side_path, state);
create index problem_review_unit on problem (review_unit_path, review_state);
