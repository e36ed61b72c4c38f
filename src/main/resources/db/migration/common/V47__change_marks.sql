-- Marks of what changed since the dashboard last counted it (shared/database/ChangeMarks): every
-- writer marks in its own transaction, and the dashboard takes marks in batches instead of one
-- event publication per check-in or per problem change.
-- Members, by account id: marked by every writer of their check-ins or of their copy in learning.
create table learning_changed (id bigint primary key);
-- Problems, by id: marked with every ProblemReported and ProblemChanged.
create table problem_changed (id bigint primary key);
