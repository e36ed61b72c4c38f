-- LIKE 'prefix%' on the campaign counters' paths (unit moves) uses a btree under a non-C collation.
create index dash_campaign_path_prefix on dash_campaign (unit_path varchar_pattern_ops);
create index dash_campaign_parent_prefix on dash_campaign (parent_path varchar_pattern_ops);
create index dash_campaign_item_count_path_prefix on dash_campaign_item_count (unit_path varchar_pattern_ops);
