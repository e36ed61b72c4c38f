-- Searches filter by category and state most: an index lets them start from the few matching rows.
create index problem_category_state on problem (category_code, state, created_at);
