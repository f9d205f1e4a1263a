-- Invitations to calendar events (issue 6). The attendees belong to an event as a whole: to a
-- single event or to a series' master, whose overridden occurrences inherit them. An attendee is
-- an account, or a person of the directory without one, invited directly or through their cell,
-- organisation or working group (kept, so the organiser sees why someone is on the list). The
-- secret of the answer link in the e-mail is kept only as its SHA-256.

create sequence calendar_attendee_seq start with 1000 increment by 50;
create table calendar_attendee (
    id                    bigint        not null primary key,
    version               bigint        not null,
    event_id              bigint        not null references calendar_event (id),
    account_id            bigint        references account (id),
    person_id             bigint        references person (id),
    email                 varchar(254)  not null,
    display_name          varchar(200)  not null,
    -- The language of the e-mails: the account's, or the town's for a person without an account.
    language              varchar(2)    not null,
    -- REQ_PARTICIPANT, OPT_PARTICIPANT, CHAIR or NON_PARTICIPANT.
    role                  varchar(16)   not null,
    -- NEEDS_ACTION, ACCEPTED, TENTATIVE or DECLINED.
    part_stat             varchar(16)   not null,
    answered_at           timestamp(6) with time zone,
    -- Hex SHA-256 of the answer link's secret.
    token_hash            varchar(64)   not null,
    -- PERSON, CELL, ORGANISATION or WORKING_GROUP, with its id and its name at the time.
    invited_through_type  varchar(16)   not null,
    invited_through_id    bigint        not null,
    invited_through_name  varchar(300)  not null,
    invited_at            timestamp(6) with time zone not null,
    invited_by            varchar(200),
    constraint calendar_attendee_email_uk unique (event_id, email),
    constraint calendar_attendee_token_uk unique (token_hash)
);
create index calendar_attendee_account_idx on calendar_attendee (account_id);

-- An e-mail may carry an iMIP invitation, update or cancellation: the iCalendar text and its
-- METHOD, sent as multipart/alternative with a text/calendar part. Plain e-mails leave both empty.
alter table outgoing_mail add column calendar_method varchar(8);
alter table outgoing_mail add column calendar_text varchar(100000);
