-- Working groups: thematic teams of people from several member towns, with a name and description
-- per language, a topic, a status and a coordinator who is one of the members. A group is a space
-- that later features (documents, calendars, telesessions, procedures) attach to.

create sequence working_group_seq start with 1000 increment by 50;
create table working_group (
    id              bigint        not null primary key,
    version         bigint        not null,
    topic           varchar(32)   not null,
    status          varchar(16)   not null,
    -- One of the members; empty while a new group is being put together.
    coordinator_id  bigint        references person (id),
    -- The names in every language in lower case without diacritics (SearchKeys), for searching.
    search_key      varchar(1300) not null
);
create index working_group_status_idx on working_group (status);
create index working_group_topic_idx on working_group (topic);
create index working_group_coordinator_idx on working_group (coordinator_id);

create table working_group_name (
    working_group_id  bigint       not null references working_group (id),
    language          varchar(2)   not null,
    name              varchar(200) not null,
    primary key (working_group_id, language)
);

create table working_group_description (
    working_group_id  bigint        not null references working_group (id),
    language          varchar(2)    not null,
    description       varchar(2000) not null,
    primary key (working_group_id, language)
);

create table working_group_member (
    working_group_id  bigint not null references working_group (id),
    person_id         bigint not null references person (id),
    primary key (working_group_id, person_id)
);
create index working_group_member_person_idx on working_group_member (person_id);
