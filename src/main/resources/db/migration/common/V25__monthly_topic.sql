-- One topic a month (每月一题): the problem category the city office picks for a month, with a note.
create table dash_topic (
    month_key     integer      primary key,
    category_code varchar(40)  not null,
    note          varchar(200) not null,
    version       integer      not null,
    chosen_by     varchar(100) not null,
    chosen_at     timestamp with time zone not null
);
