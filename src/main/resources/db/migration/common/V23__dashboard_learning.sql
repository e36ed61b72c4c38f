-- The dashboard's learning figures (docs/dashboard.md), fed by learning's and people's events.
-- What each member last added: unit path ('' when not a member), plans as "id:met" pairs and
-- activities as "yyyymm:count" pairs, comma-separated.
create table dash_learning_member (
    account_id bigint        primary key,
    unit_path  varchar(1000) not null,
    plans      varchar(8000) not null,
    months     varchar(8000) not null
);

-- A plan's period in month keys (yyyymm), both ends included.
create table dash_learning_plan (
    plan_id     bigint primary key,
    first_month int    not null,
    last_month  int    not null
);

-- Per unit path (rolled up: a unit's row includes its subtree) and plan: members covered, and met.
create table dash_learning_cover (
    unit_path varchar(1000) not null,
    plan_id   bigint        not null,
    members   bigint        not null default 0,
    met       bigint        not null default 0,
    primary key (unit_path, plan_id)
);

-- Per unit path (rolled up) and month: activities of the members there now.
create table dash_learning_month (
    unit_path varchar(1000) not null,
    month_key int           not null,
    check_ins bigint        not null default 0,
    primary key (unit_path, month_key)
);
