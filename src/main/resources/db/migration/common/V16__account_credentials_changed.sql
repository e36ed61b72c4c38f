-- When an account's password last changed (by the person or by an administrator's reset):
-- page sessions signed in before it end at their next request.
alter table account add column credentials_changed_at timestamp with time zone;
