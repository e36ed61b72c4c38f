-- The problem lists' order (overdue first, then priority, then deadline), as an index, so the
-- first page of a large scope is read in order instead of sorting every row in scope.
create index problem_list_order on problem (overdue desc, priority desc, (coalesce(deadline, response_due)) asc, id desc);
