-- Cooperation cells and their people: the network's directory. A person may have an account (the
-- account points at its person); languages and topics are searchable, hence indexed.

create sequence cell_seq start with 1000 increment by 50;
create table cell (
    id               bigint       not null primary key,
    version          bigint       not null,
    organisation_id  bigint       not null unique references organisation (id),
    email            varchar(254),
    established_on   date         not null
);

-- Each founding partner has had its cell from the start (same id as the organisation).
insert into cell (id, version, organisation_id, established_on)
select id, 0, id, current_date from organisation where id between 1 and 13;

create sequence person_seq start with 1000 increment by 50;
create table person (
    id           bigint       not null primary key,
    version      bigint       not null,
    cell_id      bigint       not null references cell (id),
    given_name   varchar(100) not null,
    family_name  varchar(100) not null,
    position     varchar(200),
    email        varchar(254),
    phone        varchar(32),
    cell_role    varchar(16)  not null,
    telework     boolean      not null,
    photo_id     bigint       references stored_file (id),
    -- Names, position and e-mail in lower case without diacritics (SearchKeys), for searching.
    search_key   varchar(700) not null
);
create index person_cell_idx on person (cell_id);
create index person_family_name_idx on person (family_name);

create table person_language (
    person_id   bigint      not null references person (id),
    sort_order  integer     not null,
    language    varchar(3)  not null,
    level       varchar(8)  not null,
    primary key (person_id, sort_order)
);
create index person_language_language_idx on person_language (language);

create table person_topic (
    person_id  bigint      not null references person (id),
    topic      varchar(32) not null,
    primary key (person_id, topic)
);
create index person_topic_topic_idx on person_topic (topic);

alter table account add column person_id bigint references person (id);
create unique index account_person_idx on account (person_id);
