-- H2 serves LIKE 'prefix%' from plain indexes (the postgresql variant needs varchar_pattern_ops).
create index dash_campaign_item_count_path_prefix on dash_campaign_item_count (unit_path);
