-- Document libraries (issue 4): libraries and folders attached to a space, documents with their
-- versions, check-out locks, approvals per version and language groups. The files themselves are
-- in the blob store, named by the SHA-256 each version keeps.

create sequence library_seq start with 1000 increment by 50;
create table library (
    id           bigint        not null primary key,
    version      bigint        not null,
    space_type   varchar(16)   not null,
    space_id     bigint        not null,
    name         varchar(200)  not null,
    description  varchar(2000),
    -- PRIVATE to the space, NETWORK for every signed-in member, PUBLIC also on the portal.
    visibility   varchar(16)   not null,
    created_at   timestamp(6) with time zone not null
);
create index library_space_idx on library (space_type, space_id);
create index library_visibility_idx on library (visibility);

-- What the space's members may do, by role: READ, UPLOAD or MANAGE.
create table library_right (
    library_id  bigint      not null references library (id),
    role        varchar(32) not null,
    granted     varchar(16) not null,
    primary key (library_id, role)
);

create sequence folder_seq start with 1000 increment by 50;
create table folder (
    id          bigint       not null primary key,
    version     bigint       not null,
    library_id  bigint       not null references library (id),
    parent_id   bigint       references folder (id),
    name        varchar(200) not null,
    -- Empty: as the parent; never wider than the parent in effect.
    visibility  varchar(16)
);
create index folder_library_idx on folder (library_id);
create index folder_parent_idx on folder (parent_id);

create sequence document_seq start with 1000 increment by 50;
create table document (
    id                bigint        not null primary key,
    version           bigint        not null,
    library_id        bigint        not null references library (id),
    folder_id         bigint        references folder (id),
    title             varchar(300)  not null,
    description       varchar(4000),
    type              varchar(16)   not null,
    language          varchar(2)    not null,
    reference_number  varchar(64),
    -- The first document of the group of the same text in several languages.
    language_group    bigint,
    -- The check-out: who, since when, until when at the latest.
    locked_by         bigint,
    locked_by_name    varchar(200),
    locked_at         timestamp(6) with time zone,
    lock_expires_at   timestamp(6) with time zone,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null
);
create index document_library_idx on document (library_id);
create index document_folder_idx on document (folder_id);
create index document_language_group_idx on document (language_group);

create table document_tag (
    document_id  bigint      not null references document (id),
    tag          varchar(50) not null,
    primary key (document_id, tag)
);
create index document_tag_tag_idx on document_tag (tag);

create sequence document_version_seq start with 1000 increment by 50;
create table document_version (
    id              bigint        not null primary key,
    document_id     bigint        not null references document (id),
    number          integer       not null,
    file_name       varchar(255)  not null,
    content_type    varchar(100)  not null,
    size            bigint        not null,
    -- The blob's name in the store; the orphan clean-up keeps every blob named here.
    sha256          varchar(64)   not null,
    comment         varchar(1000),
    author_id       bigint,
    author_name     varchar(200)  not null,
    created_at      timestamp(6) with time zone not null,
    restored_from   integer,
    approval_state  varchar(16)   not null,
    -- A small PNG of the first page or picture, made after the upload commits; empty until then
    -- and for types that have none.
    thumbnail_sha256  varchar(64),
    unique (document_id, number)
);
create index document_version_sha256_idx on document_version (sha256);

create sequence approval_seq start with 1000 increment by 50;
create table approval (
    id             bigint        not null primary key,
    version_id     bigint        not null references document_version (id),
    -- ACCOUNT: that person answers; ORGANISATION: its coordinator answers for it.
    approver_kind  varchar(16)   not null,
    approver_id    bigint        not null,
    approver_name  varchar(200)  not null,
    decision       varchar(16)   not null,
    comment        varchar(2000),
    decided_at     timestamp(6) with time zone,
    decided_by     varchar(200)
);
create index approval_version_idx on approval (version_id);
create index approval_approver_idx on approval (approver_kind, approver_id);
