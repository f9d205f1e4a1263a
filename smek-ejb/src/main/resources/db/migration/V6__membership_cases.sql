-- Membership cases: a town's accession, a member's suspension or withdrawal, with every step
-- (comments, requests for completion, decision, the signed document) and the signatures found in
-- that document.

create sequence membership_case_seq start with 1000 increment by 50;
create table membership_case (
    id               bigint       not null primary key,
    version          bigint       not null,
    organisation_id  bigint       not null references organisation (id),
    kind             varchar(16)  not null,
    state            varchar(32)  not null,
    contact_name     varchar(200) not null,
    contact_position varchar(200),
    contact_email    varchar(254) not null,
    contact_phone    varchar(40),
    opened_at        timestamp(6) with time zone not null,
    closed_at        timestamp(6) with time zone
);
create index membership_case_organisation_idx on membership_case (organisation_id);
create index membership_case_state_idx on membership_case (state);

create sequence membership_case_entry_seq start with 1000 increment by 50;
create table membership_case_entry (
    id           bigint        not null primary key,
    case_id      bigint        not null references membership_case (id),
    step         varchar(32)   not null,
    details      varchar(4000),
    document_id  bigint        references stored_file (id),
    recorded_at  timestamp(6) with time zone not null,
    recorded_by  varchar(64)
);
create index membership_case_entry_case_idx on membership_case_entry (case_id, recorded_at);

create table membership_case_signature (
    case_id      bigint       not null references membership_case (id),
    ordinal      integer      not null,
    signer_name  varchar(200),
    signed_at    timestamp(6) with time zone,
    reason       varchar(200),
    location     varchar(200),
    sub_filter   varchar(64),
    primary key (case_id, ordinal)
);
