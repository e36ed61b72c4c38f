-- Nothing on H2: its plain index of V39 serves LIKE 'prefix%'. PostgreSQL needs a
-- varchar_pattern_ops index for that (see the postgresql variant).
select 1;
