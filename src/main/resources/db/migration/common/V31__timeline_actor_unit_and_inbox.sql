-- A timeline entry names the actor's unit by id as well, so that pages show the unit's name in
-- the reader's language; actor_unit keeps the Chinese name written at the time (older entries
-- have only that).
alter table problem_event add column actor_unit_id bigint;

-- The inbox decides in its query whether a notice still asks something of its unit (from the
-- problem as it is now, read by primary key). Only the newest notice of a kind about a problem
-- to a unit counts. This index holds a unit's notices with their problem and kind, so the badge's
-- count reads the index alone for them and finds a newer notice of the same kind in one probe;
-- notification_unit (unit_path, id) still walks a unit's list newest first.
create index notification_unit_problem on notification (unit_path, problem_id, kind, id);
