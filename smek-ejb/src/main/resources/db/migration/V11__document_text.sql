-- Issue 4: the text inside each version's file, for the full-text search. Extracted after the
-- upload commits (Apache Tika, with limits), so a version may have no row yet; kept apart from
-- document_version so that lists of versions never read megabytes of text.
create table document_text (
    version_id    bigint           not null primary key references document_version (id) on delete cascade,
    -- At most 1 000 000 characters (DocumentText.MAXIMUM_CHARACTERS); empty when there is none.
    content       varchar(1000000),
    -- COMPLETE, TRUNCATED (longer than the limit: the beginning is kept), NONE (no text in this
    -- type of file) or REFUSED (unreadable, or beyond the limits against decompression bombs).
    outcome       varchar(16)      not null,
    extracted_at  timestamp(6) with time zone not null
);
