-- The campaign's figures on the dashboard (docs/dashboard.md, "Visits, measures, cases and
-- mechanisms"): fed by every module's CampaignFigures events, rebuilt through their CampaignFacts.

-- Per unit subtree (a unit's row includes its subtree), month (yyyymm; 0 = now) and measure code.
create table dash_campaign (
    unit_path   varchar(1000) not null,
    parent_path varchar(1000),
    month_key   integer       not null,
    measure     varchar(40)   not null,
    amount      bigint        not null default 0,
    primary key (unit_path, month_key, measure)
);
create index dash_campaign_parent on dash_campaign (parent_path, month_key, measure);

-- Each item's last applied version, locked while its figures change, so deliveries of one item
-- take turns and an older one changes nothing.
create table dash_campaign_item (
    item_key varchar(60) primary key,
    version  bigint      not null
);

-- What each item last added (at its own unit; the rollup is in dash_campaign).
create table dash_campaign_item_count (
    item_key  varchar(60)   not null,
    unit_path varchar(1000) not null,
    month_key integer       not null,
    measure   varchar(40)   not null,
    amount    integer       not null,
    primary key (item_key, unit_path, month_key, measure)
);
