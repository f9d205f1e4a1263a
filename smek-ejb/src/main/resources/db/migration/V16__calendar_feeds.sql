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
