-- H2 has no expression indexes; the PostgreSQL variant also covers the deadline in the lists' order.
create index problem_filter_order on problem (category_code, state, overdue, priority);
