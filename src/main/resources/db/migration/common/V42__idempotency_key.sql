-- Idempotency-Key (docs/operations.md, When the database goes away): the first result of a create
-- operation, written in the create's own transaction, so that a client retrying after a lost answer
-- gets that result again instead of a second record. Rows older than 24 hours are ignored and removed.
create table idempotency_key (
    scope         varchar(120)  not null,
    idem_key      varchar(255)  not null,
    request_hash  varchar(64)   not null,
    status        int           not null,
    body          varchar(200000),
    created_at    timestamp with time zone not null,
    constraint idempotency_key_pk primary key (scope, idem_key)
);

create index idempotency_key_created on idempotency_key (created_at);
