-- The dashboard's read models (docs/dashboard.md). Fed only by the problems module's events and
-- rebuilt through its public API; no other module reads or writes these tables.

-- Counters per unit subtree, month and category. Every problem's contributions are added at the
-- unit it counts for and at every ancestor, so a unit's figures are its own row and a ranking of
-- a unit's children is one range of dash_count_parent. category_code '*' holds all categories.
-- month_key is yyyymm in Asia/Shanghai; 0 holds the figures about now (open, overdue, supervised).
create table dash_count (
    unit_path      varchar(1000) not null,
    parent_path    varchar(1000),
    month_key      integer       not null,
    category_code  varchar(32)   not null,
    received       integer       not null default 0,
    responded      integer       not null default 0,
    declined       integer       not null default 0,
    returned       integer       not null default 0,
    reopened       integer       not null default 0,
    summoned       integer       not null default 0,
    reported_in    integer       not null default 0,
    closed         integer       not null default 0,
    resolved       integer       not null default 0,
    closed_on_time integer       not null default 0,
    rated          integer       not null default 0,
    satisfied      integer       not null default 0,
    open           integer       not null default 0,
    overdue        integer       not null default 0,
    supervised     integer       not null default 0,
    primary key (unit_path, month_key, category_code)
);
create index dash_count_parent on dash_count (parent_path, month_key, category_code, unit_path);

-- What each problem last added to dash_count, so an event adds only the difference and a repeated
-- event adds nothing. One row per problem; its summoned departments in dash_problem_summons.
create table dash_problem (
    problem_id     bigint        primary key,
    unit_path      varchar(1000) not null,
    category_code  varchar(32)   not null,
    counted        boolean       not null,
    received_month integer       not null,
    responded      boolean       not null,
    declined       boolean       not null,
    returned       integer       not null,
    reopened       boolean       not null,
    closed_month   integer       not null,
    resolved       boolean       not null,
    closed_on_time boolean       not null,
    rated          boolean       not null,
    satisfied      boolean       not null,
    open           boolean       not null,
    overdue        boolean       not null,
    supervised     boolean       not null
);
create index dash_problem_unit on dash_problem (unit_path);

create table dash_problem_summons (
    problem_id  bigint        not null,
    seq         integer       not null,
    unit_path   varchar(1000) not null,
    month_key   integer       not null,
    on_time     boolean       not null,
    primary key (problem_id, seq)
);
create index dash_problem_summons_unit on dash_problem_summons (unit_path);

-- The ranking weights: one row, changed by the city administrator (audited, optimistic lock).
create table dash_weights (
    id           integer      primary key,
    response     integer      not null,
    resolution   integer      not null,
    satisfaction integer      not null,
    version      integer      not null,
    updated_by   varchar(100),
    updated_at   timestamp with time zone
);
insert into dash_weights (id, response, resolution, satisfaction, version) values (1, 30, 35, 35, 0);
