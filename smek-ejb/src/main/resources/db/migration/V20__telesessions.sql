-- Telesessions (issue 7): online sessions between town halls, scheduled as a calendar event of the
-- organising organisation's calendar; invited organisations and people, an ordered agenda,
-- attendance, motions with one vote per member town present, and resolutions numbered
-- n/yyyy per calendar year.

create sequence telesession_seq start with 1000 increment by 50;
create table telesession (
    id                       bigint        not null primary key,
    version                  bigint        not null,
    title                    varchar(300)  not null,
    description              varchar(4000),
    organisation_id          bigint        not null references organisation (id),
    chair_account_id         bigint        not null references account (id),
    secretary_account_id     bigint        not null references account (id),
    event_id                 bigint        not null references calendar_event (id),
    -- PLANNED, OPEN, CLOSED, MINUTES_DRAFTED, MINUTES_APPROVED or PUBLISHED.
    status                   varchar(20)   not null,
    visibility               varchar(10)   not null,
    -- The quorum: present * denominator > members * numerator (strict) or >= (not strict).
    quorum_numerator         integer       not null,
    quorum_denominator       integer       not null,
    quorum_strict            boolean       not null,
    created_at               timestamp(6) with time zone not null,
    created_by               varchar(200)  not null,
    opened_at                timestamp(6) with time zone,
    closed_at                timestamp(6) with time zone
);
create index telesession_status_idx on telesession (status);
create index telesession_organisation_idx on telesession (organisation_id);

create table telesession_organisation (
    telesession_id   bigint not null references telesession (id) on delete cascade,
    organisation_id  bigint not null references organisation (id),
    primary key (telesession_id, organisation_id)
);

create table telesession_account (
    telesession_id   bigint not null references telesession (id) on delete cascade,
    account_id       bigint not null references account (id),
    primary key (telesession_id, account_id)
);

-- The one person an organisation designates to cast its vote in a session.
create table telesession_delegate (
    telesession_id   bigint not null references telesession (id) on delete cascade,
    organisation_id  bigint not null references organisation (id),
    account_id       bigint not null references account (id),
    primary key (telesession_id, organisation_id)
);

create sequence telesession_agenda_item_seq start with 1000 increment by 50;
create table telesession_agenda_item (
    id               bigint        not null primary key,
    version          bigint        not null,
    telesession_id   bigint        not null references telesession (id) on delete cascade,
    position         integer       not null,
    title            varchar(300)  not null,
    presenter        varchar(200),
    planned_minutes  integer       not null
);
create index telesession_agenda_item_session_idx on telesession_agenda_item (telesession_id);

create sequence telesession_attendance_seq start with 1000 increment by 50;
create table telesession_attendance (
    id               bigint        not null primary key,
    version          bigint        not null,
    telesession_id   bigint        not null references telesession (id) on delete cascade,
    account_id       bigint        not null references account (id),
    organisation_id  bigint        not null references organisation (id),
    joined_at        timestamp(6) with time zone not null,
    left_at          timestamp(6) with time zone,
    -- AUTOMATIC (the room recorded it) or CORRECTED (by the secretary, with a note).
    source           varchar(10)   not null,
    note             varchar(500),
    corrected_by     varchar(200)
);
create index telesession_attendance_session_idx on telesession_attendance (telesession_id);

create sequence telesession_motion_seq start with 1000 increment by 50;
create table telesession_motion (
    id                 bigint        not null primary key,
    version            bigint        not null,
    telesession_id     bigint        not null references telesession (id) on delete cascade,
    agenda_item_id     bigint        not null references telesession_agenda_item (id),
    text               varchar(4000) not null,
    -- ROLL_CALL or SECRET.
    kind               varchar(10)   not null,
    -- OPEN or CLOSED.
    status             varchar(10)   not null,
    opened_at          timestamp(6) with time zone not null,
    closed_at          timestamp(6) with time zone,
    -- The tallies: a secret vote's choices are kept only here, never with a ballot.
    yes_count          integer       not null,
    no_count           integer       not null,
    abstain_count      integer       not null,
    present_count      integer,
    member_count       integer,
    quorum_reached     boolean,
    adopted            boolean,
    resolution_year    integer,
    resolution_number  integer,
    constraint telesession_motion_resolution_uk unique (resolution_year, resolution_number)
);
create index telesession_motion_session_idx on telesession_motion (telesession_id);

-- Who voted for which organisation. The choice only for a roll-call vote; a secret ballot has
-- neither choice nor time, so that nothing links it to the tallies.
create sequence telesession_ballot_seq start with 1000 increment by 50;
create table telesession_ballot (
    id               bigint       not null primary key,
    motion_id        bigint       not null references telesession_motion (id) on delete cascade,
    organisation_id  bigint       not null references organisation (id),
    account_id       bigint       not null references account (id),
    choice           varchar(10),
    cast_at          timestamp(6) with time zone,
    constraint telesession_ballot_uk unique (motion_id, organisation_id)
);

-- The last resolution number of each calendar year, locked while numbering: gap-free and unique
-- also when two servers close motions at once.
create table telesession_resolution_counter (
    resolution_year  integer not null primary key,
    last_number      integer not null
);
