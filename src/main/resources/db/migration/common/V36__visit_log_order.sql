-- The visit log lists newest first (visit_date desc, id desc) 50 at a time: walking this index
-- backwards serves the first page without sorting the subtree's visits (docs/benchmarks.md,
-- "The visit log at a million visits": 187 ms to 6 ms for a district, 127 ms to 0.1 ms for the city).
create index visit_date_order on visit (visit_date, id);
