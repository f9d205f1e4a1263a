-- The live room of a telesession: what every node must agree on lives here, not in one node's
-- memory. The agenda item the chair shows to all, the chat kept with the record, and the mark of a
-- stay the chair ended (someone removed comes back through the lobby, everyone else is let in
-- again at once).
alter table telesession add column current_item_id bigint references telesession_agenda_item (id) on delete set null;
alter table telesession_attendance add column removed boolean default false not null;

create sequence telesession_chat_seq start with 1000 increment by 50;
create table telesession_chat (
    id               bigint        not null primary key,
    telesession_id   bigint        not null references telesession (id) on delete cascade,
    account_id       bigint        not null references account (id),
    -- The author's name as it was when they wrote, as a record keeps it.
    author           varchar(200)  not null,
    text             varchar(1000) not null,
    sent_at          timestamp(6) with time zone not null
);
create index telesession_chat_session_idx on telesession_chat (telesession_id, id);
