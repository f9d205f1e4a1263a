#!/usr/bin/env bash
# The calendar at network scale: seeds the network's calendar of a running SMEK-int server (by
# default the quick start's) with 20 000 events through the REST API, 15 000 single ones and 5 000
# weekly series of six, spread over 2027-2030; then measures, each against a static resource of the
# same server measured just before: the occurrences API for a week and a month, the calendar
# page's month view (the schedule's Ajax request for its events) and the subscription feed.
#
#   smek-ear/bench/calendar-bench.sh [base-url] [seconds-per-scenario]
#
# Needs wrk, curl and jq; uses the demo account "admin" (a coordinator of the network, whose
# calendar it fills). Seeding takes a few minutes and is done once: the last event it adds marks the
# calendar as seeded.
set -euo pipefail

base=${1:-http://localhost:8080}
seconds=${2:-20}
login=admin
password=Euroregion-2026
here=$(cd "$(dirname "$0")" && pwd)
jboss_cli=${JBOSS_CLI:-$here/../../wildfly-config/target/wildfly/bin/jboss-cli.sh}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=bench-lib.sh
source "$here/bench-lib.sh"
connect wrk curl jq

network=1
sentinel_day=2031-01-02

# --- Seeding -------------------------------------------------------------------------------------

seeded=$(api "$base/api/v1/calendar/occurrences?calendar=$network&from=$sentinel_day&to=2031-01-03&zone=Europe/Warsaw" | jq length)
if [ "$seeded" = 0 ]; then
  echo "Seeding 20 000 events into the network's calendar ..." >&2
  # One JSON body per line: single events on every day of four years at hours 8-16, and weekly
  # series of six on every weekday, in the two zones of the network.
  jq -n -c --argjson network "$network" '
    ("2027-01-01T12:00:00Z" | fromdate) as $first
    | ["MO", "TU", "WE", "TH", "FR"] as $days
    | range(0; 20000)
    | . as $i
    | ($first + ($i % 1461) * 86400 | strftime("%Y-%m-%d")) as $date
    | (8 + $i % 9) as $hour
    | {calendarId: $network, title: "Spotkanie \($i)", location: "Sala \($i % 40)",
       start: "\($date)T\($hour | tostring | if length < 2 then "0" + . else . end):00",
       end: "\($date)T\($hour | tostring | if length < 2 then "0" + . else . end):45",
       timeZone: (if $i % 3 == 0 then "Europe/Bratislava" else "Europe/Warsaw" end),
       visibility: "NETWORK"}
    + (if $i % 4 == 0 then {rrule: "FREQ=WEEKLY;BYDAY=\($days[$i % 5]);COUNT=6"} else {} end)
  ' > "$work/events.jsonl"
  [ "$(wc -l < "$work/events.jsonl")" = 20000 ] || { echo "could not make the events" >&2; exit 1; }
  export base auth
  tr '\n' '\0' < "$work/events.jsonl" \
    | xargs -0 -P 4 -I{} curl -sS -o /dev/null -w '%{http_code}\n' -H "$auth" -H 'Content-Type: application/json' \
        --data-binary {} "$base/api/v1/calendar/events" > "$work/codes.txt"
  failed=$(grep -vc '^201$' "$work/codes.txt" || true)
  [ "$failed" = 0 ] || { echo "$failed events were refused" >&2; exit 1; }
  api -H 'Content-Type: application/json' -o /dev/null --data-binary \
    "{\"calendarId\":$network,\"title\":\"Benchmark data complete\",\"start\":\"${sentinel_day}T09:00\",\"end\":\"${sentinel_day}T10:00\",\"timeZone\":\"Europe/Warsaw\",\"visibility\":\"PRIVATE\"}" \
    "$base/api/v1/calendar/events"
fi

week_count=$(api "$base/api/v1/calendar/occurrences?calendar=$network&from=2028-03-06&to=2028-03-13&zone=Europe/Warsaw" | jq length)
month_count=$(api "$base/api/v1/calendar/occurrences?calendar=$network&from=2028-03-01&to=2028-04-01&zone=Europe/Warsaw" | jq length)

# --- The month view's Ajax request, as the schedule sends it ------------------------------------

curl -s -b "$jar" -c "$jar" "$base/calendar/view-calendar?date=2028-03-01&view=dayGridMonth" -o "$work/page.html"
view=$(view_state "$work/page.html")
page_nonce=$(nonce "$work/page.html")
enc() { jq -rn --arg v "$1" '$v|@uri'; }
body="jakarta.faces.partial.ajax=true&jakarta.faces.source=calendar-form%3Aschedule"
body+="&jakarta.faces.partial.execute=calendar-form%3Aschedule&jakarta.faces.partial.render=calendar-form%3Aschedule"
body+="&calendar-form%3Aschedule_event=true&calendar-form%3Aschedule_start=2028-02-27T23%3A00%3A00.000Z"
body+="&calendar-form%3Aschedule_end=2028-04-09T22%3A00%3A00.000Z&calendar-form=calendar-form"
body+="&jakarta.faces.ViewState=$(enc "$view")&primefaces.nonce=$(enc "$page_nonce")"
month_view_events=$(curl -s -b "$jar" -H 'Faces-Request: partial/ajax' -H 'Content-Type: application/x-www-form-urlencoded' \
  --data "$body" "$base/calendar/view-calendar" | grep -o '"events":\[' | head -1)
[ -n "$month_view_events" ] || { echo "the month view's request did not answer with events" >&2; exit 1; }
cat > "$work/month-view.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Faces-Request"] = "partial/ajax"
wrk.headers["Cookie"] = "$(awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$jar")"
LUA

# --- The subscription feed ------------------------------------------------------------------------

curl -s -b "$jar" -c "$jar" "$base/calendar/exchange-calendars" -o "$work/exchange.html"
curl -s -b "$jar" -c "$jar" "$base/calendar/exchange-calendars" -o "$work/feed.html" \
  --data-urlencode "feed-form=feed-form" \
  --data-urlencode "feed-form:create-feed=" \
  --data-urlencode "jakarta.faces.ViewState=$(view_state "$work/exchange.html")" \
  --data-urlencode "primefaces.nonce=$(nonce "$work/exchange.html")"
feed=$(grep -o 'id="feed-address"[^>]*value="[^"]*"' "$work/feed.html" | sed 's/.*value="//; s/"$//; s#^[a-z]*://[^/]*##')
[ -n "$feed" ] || { echo "could not make a subscription address" >&2; exit 1; }
feed_bytes=$(curl -s "$base$feed" | wc -c)
feed_etag=$(curl -s -D - -o /dev/null "$base$feed" | awk 'tolower($1) == "etag:" { print $2 }' | tr -d '\r')
[ -n "$feed_etag" ] || { echo "the feed has no ETag" >&2; exit 1; }

# --- Measurements ---------------------------------------------------------------------------------

echo
echo "Network calendar: 20 000 events; a week of March 2028 holds $week_count occurrences, the month $month_count."
echo "The feed (the admin's calendars from a year ago on) is $((feed_bytes / 1024)) KiB."
echo
table_header
row "static resource (baseline)" 4 "/jakarta.faces.resource/smek/css/smek.css.xhtml"
row "API: occurrences of a week, one client" 1 "/api/v1/calendar/occurrences?calendar=$network&from=2028-03-06&to=2028-03-13&zone=Europe/Warsaw" -H "$auth"
row "API: occurrences of a month, one client" 1 "/api/v1/calendar/occurrences?calendar=$network&from=2028-03-01&to=2028-04-01&zone=Europe/Warsaw" -H "$auth"
row "API: occurrences of a week" 4 "/api/v1/calendar/occurrences?calendar=$network&from=2028-03-06&to=2028-03-13&zone=Europe/Warsaw" -H "$auth"
row "API: occurrences of a month" 4 "/api/v1/calendar/occurrences?calendar=$network&from=2028-03-01&to=2028-04-01&zone=Europe/Warsaw" -H "$auth"
row "month view: the schedule's request for its events" 1 "/calendar/view-calendar" -s "$work/month-view.lua"
row "subscription feed (.ics, no sign-in)" 1 "$feed"
row "subscription feed, unchanged (If-None-Match: 304)" 1 "$feed" -H "If-None-Match: $feed_etag"
echo
echo "Heap in use after a full collection: $(heap_used_mib) MiB"
