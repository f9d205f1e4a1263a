-- Organisations get a search key like people's: their official and translated names in lower case
-- without diacritics, so that the directory finds Przemyśl when "Przemysl" is typed. Migration 9
-- (OrganisationSearchKeyMigration, in Java) fills it in for the organisations already registered.
alter table organisation add column search_key varchar(1300) default '' not null;
