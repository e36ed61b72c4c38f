-- One row the dashboard locks to order its writers: each event delivery takes it shared before it
-- reads a problem's facts, and a unit move or a rebuild takes it exclusively before it rewrites
-- counters, so a delivery can never write under a path that a move has just rewritten.
create table dash_sync_gate (
    id integer primary key
);
insert into dash_sync_gate (id) values (1);
