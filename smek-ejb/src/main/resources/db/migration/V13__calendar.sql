-- Calendars (issue 6): one calendar per space (the network, an organisation, a working group, a
-- person), events with wall-clock times in their own IANA zone, an RFC 5545 recurrence rule with
-- excluded dates, and overridden occurrences as rows of their own (same UID, RECURRENCE-ID).
-- Attendees, room bookings, reminders and feeds come later, in tables that refer to these.

create sequence calendar_seq start with 1000 increment by 50;
create table calendar (
    id          bigint      not null primary key,
    version     bigint      not null,
    -- NETWORK (id 0), ORGANISATION, CELL, WORKING_GROUP or PERSON.
    space_type  varchar(16) not null,
    space_id    bigint      not null,
    colour      varchar(7)  not null,
    created_at  timestamp(6) with time zone not null,
    constraint calendar_space_uk unique (space_type, space_id)
);

-- The network's calendar exists from the start; the others are made when first needed.
insert into calendar (id, version, space_type, space_id, colour, created_at)
    values (1, 0, 'NETWORK', 0, '#1f6fb2', current_timestamp);

create sequence calendar_event_seq start with 1000 increment by 50;
create table calendar_event (
    id                    bigint        not null primary key,
    version               bigint        not null,
    calendar_id           bigint        not null references calendar (id),
    -- iCalendar's UID and SEQUENCE; an overridden occurrence shares its series' UID.
    uid                   varchar(255)  not null,
    sequence_number       integer       not null,
    master_id             bigint        references calendar_event (id),
    -- The original start of an overridden occurrence, in the series' zone.
    recurrence_id         timestamp(6),
    title                 varchar(300)  not null,
    description           varchar(4000),
    language              varchar(2),
    location              varchar(500),
    all_day               boolean       not null,
    -- Wall-clock times in time_zone; all-day events have midnights, the end exclusive.
    starts_at             timestamp(6)  not null,
    ends_at               timestamp(6)  not null,
    time_zone             varchar(64)   not null,
    rrule                 varchar(500),
    visibility            varchar(16)   not null,
    organiser_account_id  bigint,
    organiser_name        varchar(200),
    -- Bounds of every occurrence in UTC (range_end empty: no end), for range queries.
    range_start           timestamp(6) with time zone not null,
    range_end             timestamp(6) with time zone,
    created_at            timestamp(6) with time zone not null,
    created_by            varchar(200),
    updated_at            timestamp(6) with time zone not null,
    updated_by            varchar(200)
);
create index calendar_event_range_idx on calendar_event (calendar_id, range_start, range_end);
create index calendar_event_master_idx on calendar_event (master_id);
create index calendar_event_uid_idx on calendar_event (uid);

-- Title and description in further languages.
create table calendar_event_text (
    event_id     bigint        not null references calendar_event (id),
    language     varchar(2)    not null,
    title        varchar(300)  not null,
    description  varchar(4000),
    primary key (event_id, language)
);

-- Occurrences left out of a series (EXDATE), by their original start.
create table calendar_event_exdate (
    event_id        bigint        not null references calendar_event (id),
    excluded_start  timestamp(6)  not null,
    primary key (event_id, excluded_start)
);

create table calendar_event_category (
    event_id  bigint       not null references calendar_event (id),
    category  varchar(50)  not null,
    primary key (event_id, category)
);
