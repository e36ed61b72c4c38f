-- Evidence that staff mark public is shown on the resident's tracking page (file name and uploader
-- never); every other file stays with the staff.
alter table problem_attachment add column file_public boolean default false not null;

-- 我的反映: a signed-in resident's own reports, newest first, read by the account alone (scope SELF).
create index problem_reporter_account on problem (reporter_account_id, created_at);
