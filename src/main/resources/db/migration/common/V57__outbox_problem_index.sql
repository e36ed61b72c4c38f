-- A problem's waiting messages of a kind are withdrawn when no longer wanted (the reminder to
-- rate, once the resident has rated): found by the problem, not by scanning the outbox.
create index outbox_message_problem on outbox_message (problem_id, kind, state);
