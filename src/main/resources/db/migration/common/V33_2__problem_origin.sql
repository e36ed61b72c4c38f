-- Where a problem was collected, when another module's record brought it in (a visit): generic, so
-- the problems module knows no other module; the label is what the problem page links with.
alter table problem add column origin_kind varchar(24);
alter table problem add column origin_id bigint;
alter table problem add column origin_label varchar(200);
create index problem_origin on problem (origin_kind, origin_id);
