-- The rebuild's partial sums: it counts every problem in memory a slice at a time, writes each
-- slice's sums here and adds them up into dash_count at the end, so its memory stays bounded at
-- ten million problems. Empty outside a rebuild; no key, since slices repeat keys.
create table dash_count_stage (
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
    supervised     integer       not null default 0
);
