-- The range query of the calendar (issue 6), after migration 17: besides the long ranges, the
-- brief ones (at most three days: most single events) are a slice of their own, so that a week's
-- query reads the few days before the window for them rather than 92 days. RangeClass holds the
-- bounds.
alter table calendar_event add column range_class varchar(5) default 'LONG' not null;
update calendar_event
   set range_class = case
         when range_end is null or range_end > range_start + interval '92' day then 'LONG'
         when range_end > range_start + interval '3' day then 'SHORT'
         else 'BRIEF'
       end;
drop index calendar_event_range_idx;
alter table calendar_event drop column long_range;
create index calendar_event_range_idx on calendar_event (calendar_id, range_class, range_start, range_end);
