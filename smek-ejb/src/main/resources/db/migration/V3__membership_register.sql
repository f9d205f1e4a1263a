-- The membership register: status, membership number, address, representative and logo of each
-- organisation, translated names, the status history with the document behind each change, and
-- uploaded files (kept in the database, which every node of a cluster reaches).

create sequence stored_file_seq start with 1000 increment by 50;
create table stored_file (
    id            bigint       not null primary key,
    name          varchar(255) not null,
    content_type  varchar(100) not null,
    size          bigint       not null,
    sha256        varchar(64)  not null,
    uploaded_at   timestamp(6) with time zone not null,
    uploaded_by   varchar(254)
);
create table stored_file_content (
    id    bigint not null primary key references stored_file (id),
    data  bytea  not null
);

alter table organisation add column status varchar(16) default 'PROSPECT' not null;
alter table organisation add column membership_number varchar(16);
alter table organisation add column street varchar(200);
alter table organisation add column postal_code varchar(16);
alter table organisation add column city varchar(100);
alter table organisation add column website varchar(200);
alter table organisation add column latitude numeric(9, 6);
alter table organisation add column longitude numeric(9, 6);
alter table organisation add column representative_name varchar(200);
alter table organisation add column representative_function varchar(200);
alter table organisation add column logo_id bigint references stored_file (id);
create unique index organisation_membership_number_idx on organisation (membership_number);

create table organisation_name (
    organisation_id  bigint       not null references organisation (id),
    language         varchar(2)   not null,
    name             varchar(200) not null,
    primary key (organisation_id, language)
);

create sequence membership_change_seq start with 1000 increment by 50;
create table membership_change (
    id               bigint        not null primary key,
    organisation_id  bigint        not null references organisation (id),
    from_status      varchar(16),
    to_status        varchar(16)   not null,
    effective_on     date          not null,
    reason           varchar(2000),
    document_id      bigint        references stored_file (id),
    recorded_at      timestamp(6) with time zone not null,
    recorded_by      varchar(254)
);
create index membership_change_organisation_idx on membership_change (organisation_id);

-- The founding partners are members; their numbers follow the project's partner order.
update organisation set status = 'MEMBER', membership_number = 'SMEK-' || lpad(cast(id as varchar(3)), 3, '0') where id between 1 and 13;
update organisation set city = 'Humenné', latitude = 48.937100, longitude = 21.906300 where code = 'LP';
update organisation set city = 'Przemyśl', latitude = 49.783800, longitude = 22.767800 where code = 'PP3';
update organisation set city = 'Przeworsk', latitude = 50.059400, longitude = 22.493700 where code = 'PP4';
update organisation set city = 'Lesko', latitude = 49.470000, longitude = 22.330000 where code = 'PP5';
update organisation set city = 'Jasło', latitude = 49.745000, longitude = 21.471500 where code = 'PP6';
update organisation set city = 'Snina', latitude = 48.988100, longitude = 22.156700 where code = 'PP7';
update organisation set city = 'Medzilaborce', latitude = 49.271800, longitude = 21.900700 where code = 'PP8';
update organisation set city = 'Ustrzyki Dolne', latitude = 49.430600, longitude = 22.591900 where code = 'PP9';
update organisation set city = 'Vranov nad Topľou', latitude = 48.888100, longitude = 21.685300 where code = 'PP10';
update organisation set city = 'Jarosław', latitude = 50.016200, longitude = 22.677800 where code = 'PP11';
update organisation set city = 'Boguchwała', latitude = 49.984700, longitude = 21.945300 where code = 'PP12';

-- Their history starts with their founding membership, recorded when the register was set up.
insert into membership_change (id, organisation_id, from_status, to_status, effective_on, reason, recorded_at, recorded_by)
select id, id, null, 'MEMBER', current_date, 'Founding partner of the network', current_timestamp, null
from organisation where id between 1 and 13;

-- Membership numbers go on from the founding partners' SMEK-001 to SMEK-013.
create sequence membership_number_seq start with 14 increment by 1;
