-- Bumped by every writer of a member's check-ins on PostgreSQL, in the statement that takes the
-- member's lock: the one-statement check-in compares it with its snapshot to know whether its
-- reads are current (learning/internal/PointScans).
alter table learning_member add column scans bigint not null default 0;
