-- The range query of the calendar (issue 6). An event's occurrences lie between range_start and
-- range_end; a query for a window had to read every event starting before the window's end, most
-- of the calendar's past. Events whose occurrences span at most 92 days (single events, short
-- series) now start at most 92 days before the window when they reach into it, so the query reads
-- only that slice of the index; the few longer or unending series are marked and read apart.
alter table calendar_event add column long_range boolean default false not null;
update calendar_event
   set long_range = true
 where range_end is null or range_end > range_start + interval '92' day;
drop index calendar_event_range_idx;
create index calendar_event_range_idx on calendar_event (calendar_id, long_range, range_start, range_end);
