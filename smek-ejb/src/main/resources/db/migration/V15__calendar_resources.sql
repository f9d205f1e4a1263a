-- Rooms and equipment (issue 6): each organisation's bookable resources, and the events that book
-- them. A booking belongs to a single event or a series (never to an overridden occurrence), so
-- every occurrence of it holds the resource; that no two overlapping events book one resource is
-- checked by the application under a lock on the resource's row.

create sequence calendar_resource_seq start with 1000 increment by 50;
create table calendar_resource (
    id               bigint         not null primary key,
    version          bigint         not null,
    organisation_id  bigint         not null references organisation (id),
    -- ROOM or EQUIPMENT.
    kind             varchar(16)    not null,
    name             varchar(200)   not null,
    capacity         integer,
    description      varchar(2000),
    active           boolean        not null,
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    updated_by       varchar(200),
    constraint calendar_resource_name_uk unique (organisation_id, name)
);

create sequence calendar_booking_seq start with 1000 increment by 50;
create table calendar_booking (
    id           bigint        not null primary key,
    resource_id  bigint        not null references calendar_resource (id),
    -- Deleting an event deletes its bookings.
    event_id     bigint        not null references calendar_event (id) on delete cascade,
    booked_at    timestamp(6) with time zone not null,
    booked_by    varchar(200),
    constraint calendar_booking_uk unique (resource_id, event_id)
);
create index calendar_booking_event_idx on calendar_booking (event_id);
