-- Telesessions (issue 7), their documents and minutes: each session's own document library (a
-- library of the space TELESESSION; sessions made before this get theirs when first needed), the
-- documents attached to agenda items, and the minutes in each language with the library document
-- they were submitted for approval as.

alter table telesession add column library_id bigint references library (id);
-- The library's folder of the minutes: private to the invited until the minutes are published.
alter table telesession add column minutes_folder_id bigint references folder (id);

create table telesession_agenda_document (
    agenda_item_id  bigint not null references telesession_agenda_item (id) on delete cascade,
    document_id     bigint not null references document (id) on delete cascade,
    primary key (agenda_item_id, document_id)
);

create sequence telesession_minutes_seq start with 1000 increment by 50;
create table telesession_minutes (
    id              bigint           not null primary key,
    version         bigint           not null,
    telesession_id  bigint           not null references telesession (id) on delete cascade,
    -- PL, SK or EN.
    language        varchar(2)       not null,
    -- Sanitised HTML, at most 200 000 characters (Minutes.MAXIMUM_HTML).
    html            varchar(200000)  not null,
    document_id     bigint           references document (id) on delete set null,
    changed_at      timestamp(6) with time zone not null,
    changed_by      varchar(200)     not null,
    constraint telesession_minutes_uk unique (telesession_id, language)
);
