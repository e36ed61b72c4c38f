-- A timeline entry names the actor's unit by id as well, so that pages show the unit's name in
-- the reader's language; actor_unit keeps the Chinese name written at the time (older entries
-- have only that).
alter table problem_event add column actor_unit_id bigint;

