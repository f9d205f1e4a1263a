-- The foundation schema: organisations, accounts, API tokens, the login throttle and the audit log.
-- One set of migrations for H2 (quick start) and PostgreSQL (production): plain SQL types only.
-- Sequences start at 1000 so seeded rows can have fixed ids below that.

create sequence organisation_seq start with 1000 increment by 50;
create table organisation (
    id            bigint       not null primary key,
    version       bigint       not null,
    code          varchar(16)  not null unique,
    name          varchar(200) not null,
    country       varchar(2)   not null,
    type          varchar(16)  not null,
    lead_partner  boolean      not null
);

create sequence account_seq start with 1000 increment by 50;
create table account (
    id               bigint       not null primary key,
    version          bigint       not null,
    login            varchar(64)  not null unique,
    display_name     varchar(200) not null,
    email            varchar(254) not null,
    password_hash    varchar(255),
    active           boolean      not null,
    language         varchar(2)   not null,
    organisation_id  bigint       not null references organisation (id),
    created_at       timestamp(6) with time zone not null
);
create index account_organisation_idx on account (organisation_id);

create table account_role (
    account_id  bigint       not null references account (id),
    role        varchar(32)  not null,
    primary key (account_id, role)
);

create sequence api_token_seq start with 1000 increment by 50;
create table api_token (
    id            bigint       not null primary key,
    version       bigint       not null,
    account_id    bigint       not null references account (id),
    name          varchar(100) not null,
    token_hash    varchar(64)  not null unique,
    prefix        varchar(12)  not null,
    created_at    timestamp(6) with time zone not null,
    last_used_at  timestamp(6) with time zone,
    revoked_at    timestamp(6) with time zone
);
create index api_token_account_idx on api_token (account_id);

create table login_throttle (
    login_key        varchar(254) not null primary key,
    version          bigint       not null,
    failures         integer      not null,
    last_failure_at  timestamp(6) with time zone,
    locked_until     timestamp(6) with time zone
);

create sequence audit_entry_seq start with 1000 increment by 50;
create table audit_entry (
    id              bigint        not null primary key,
    occurred_at     timestamp(6) with time zone not null,
    actor           varchar(254),
    action          varchar(32)   not null,
    target          varchar(200),
    details         varchar(2000),
    source_address  varchar(64)
);
create index audit_entry_occurred_at_idx on audit_entry (occurred_at);
create index audit_entry_actor_idx on audit_entry (actor);
