-- Nothing on H2: its plain indexes of V33 serve LIKE 'prefix%'. PostgreSQL needs
-- varchar_pattern_ops indexes for that (see the postgresql variant).
select 1;
