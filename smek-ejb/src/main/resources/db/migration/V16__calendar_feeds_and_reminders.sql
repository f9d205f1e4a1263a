-- Personal calendar subscriptions (issue 6): one secret feed address per account, which calendar
-- programs fetch without signing in. Only the secret's SHA-256 is kept; revoking deletes the row,
-- so the address stops working at once on every node.

create sequence calendar_feed_seq start with 1000 increment by 50;
create table calendar_feed (
    id            bigint       not null primary key,
    account_id    bigint       not null references account (id),
    token_hash    varchar(64)  not null,
    created_at    timestamp(6) with time zone not null,
    last_used_at  timestamp(6) with time zone,
    constraint calendar_feed_account_uk unique (account_id),
    constraint calendar_feed_token_uk unique (token_hash)
);

-- Reminders: each person chooses, per event (a series: each occurrence), how long before and how
-- (e-mail, in the application). A reminder sent for one occurrence is recorded first; the
-- primary key makes sure no second node or run sends it again.
create sequence calendar_reminder_seq start with 1000 increment by 50;
create table calendar_reminder (
    id              bigint   not null primary key,
    event_id        bigint   not null references calendar_event (id) on delete cascade,
    account_id      bigint   not null references account (id),
    minutes_before  integer  not null,
    by_email        boolean  not null,
    in_app          boolean  not null,
    constraint calendar_reminder_uk unique (event_id, account_id)
);
create index calendar_reminder_account_idx on calendar_reminder (account_id);

create table calendar_reminder_sent (
    reminder_id       bigint  not null references calendar_reminder (id) on delete cascade,
    -- The occurrence's start (UTC) the reminder was for.
    occurrence_start  timestamp(6) with time zone not null,
    sent_at           timestamp(6) with time zone not null,
    primary key (reminder_id, occurrence_start)
);
