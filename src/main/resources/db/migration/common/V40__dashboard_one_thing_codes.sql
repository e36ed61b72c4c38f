-- The one-thing figures (docs/dashboard.md, "One thing done at one time") reach the campaign
-- counters with codes like LE_DONE_ON_TIME:<event> and LE_RETURNED:<reason>; event codes are
-- catalogue data, so the measure columns get room beyond varchar(40) (the longest prefix,
-- 'LE_DONE_ON_TIME:', leaves 64 characters for an event code).
alter table dash_campaign alter column measure set data type varchar(80);
alter table dash_campaign_item_count alter column measure set data type varchar(80);
