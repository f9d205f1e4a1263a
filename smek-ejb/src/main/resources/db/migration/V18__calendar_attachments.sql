-- Documents of the libraries attached to calendar events (issue 6). An attachment belongs to a
-- single event or a series (never to an overridden occurrence, which shows its series'), so every
-- occurrence carries it. Who may read the attached document is still decided by its library: an
-- attachment gives nobody a right. Deleting the event or the document deletes the attachment. The
-- number 17 is taken by another change.

create sequence calendar_event_document_seq start with 1000 increment by 50;
create table calendar_event_document (
    id           bigint        not null primary key,
    event_id     bigint        not null references calendar_event (id) on delete cascade,
    document_id  bigint        not null references document (id) on delete cascade,
    attached_at  timestamp(6) with time zone not null,
    attached_by  varchar(200),
    constraint calendar_event_document_uk unique (event_id, document_id)
);
create index calendar_event_document_document_idx on calendar_event_document (document_id);
