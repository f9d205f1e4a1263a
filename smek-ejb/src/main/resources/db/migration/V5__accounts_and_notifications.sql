-- Invitations to get an account (single use, expiring; only a hash of the link's secret), messages
-- to users inside the application, and the outbox of e-mails that any node of a cluster may send.

create sequence invitation_seq start with 1000 increment by 50;
create table invitation (
    id          bigint       not null primary key,
    version     bigint       not null,
    person_id   bigint       not null references person (id),
    role        varchar(32)  not null,
    token_hash  varchar(64)  not null unique,
    created_at  timestamp(6) with time zone not null,
    created_by  varchar(64),
    expires_at  timestamp(6) with time zone not null,
    accepted_at timestamp(6) with time zone,
    revoked_at  timestamp(6) with time zone
);
create index invitation_person_idx on invitation (person_id);

create sequence notification_seq start with 1000 increment by 50;
create table notification (
    id            bigint        not null primary key,
    recipient_id  bigint        not null references account (id),
    created_at    timestamp(6) with time zone not null,
    title         varchar(200)  not null,
    body          varchar(4000) not null,
    link          varchar(500),
    read_at       timestamp(6) with time zone
);
create index notification_recipient_idx on notification (recipient_id, created_at);

create sequence outgoing_mail_seq start with 1000 increment by 50;
create table outgoing_mail (
    id               bigint        not null primary key,
    recipient        varchar(254)  not null,
    subject          varchar(300)  not null,
    body             varchar(8000) not null,
    created_at       timestamp(6) with time zone not null,
    attempts         integer       not null,
    next_attempt_at  timestamp(6) with time zone not null,
    sent_at          timestamp(6) with time zone,
    last_error       varchar(500)
);
create index outgoing_mail_pending_idx on outgoing_mail (sent_at, next_attempt_at);
