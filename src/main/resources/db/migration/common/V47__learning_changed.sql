-- Members whose learning changed since the dashboard last counted them. Every writer of a member's
-- check-ins or of the member's copy marks them, in its own transaction; the dashboard takes marks
-- in batches (learning/LearningFacts#takeChanged) instead of one event publication per check-in.
create table learning_changed (account_id bigint primary key);
