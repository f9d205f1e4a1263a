#!/usr/bin/env bash
# The network directory at scale: seeds a running SMEK-int server (by default the quick start's,
# with its demo data) with 500 member towns and 10 000 people in their cells through the REST API,
# then measures the directory's search, pages and vCards, each against a static baseline from the
# same server measured just before it, and the CPU time the server spends per request.
#
#   smek-ear/bench/directory-bench.sh [base-url] [seconds-per-scenario]
#
# Needs wrk, curl and jq (Debian packages of those names); uses the demo account "admin". Seeding
# takes a few minutes the first time and resumes where it stopped: towns are recognised by their
# codes (DIR-PL-001 ... DIR-RO-045), cells that already have their 20 people are left alone.
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

# --- Seeding -------------------------------------------------------------------------------------

towns=500
people_per_town=20

# The data set (directory-data.jq): one JSON line per town with its 20 people.
jq -n -c -f "$here/directory-data.jq" > "$work/towns.jsonl"
# The admission asks for the council's resolution as a PDF; any small real PDF does.
printf '%%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n%%%%EOF\n' \
  > "$work/resolution.pdf"

# Registers one town, admits it and fills its cell, doing only what is still missing.
# Arguments: the town's line in towns.jsonl, its code, and its id and status if it exists ("-").
seed_town() {
  local n=$1 code=$2 id=$3 status=$4 have=0 town
  town=$(sed -n "${n}p" "$work/towns.jsonl")
  if [ "$id" = - ]; then
    id=$(jq -c .organisation <<<"$town" \
      | api -H 'Content-Type: application/json' --data-binary @- "$base/api/v1/organisations" | jq -r .id) \
      || { echo "$code: not registered" >&2; return 1; }
    [[ $id =~ ^[0-9]+$ ]] || { echo "$code: not registered" >&2; return 1; }
    status=PROSPECT
  fi
  if [ "$status" = PROSPECT ]; then
    api -o /dev/null -F status=APPLICANT "$base/api/v1/organisations/$id/membership" \
      || { echo "$code: did not apply" >&2; return 1; }
    status=APPLICANT
  fi
  if [ "$status" = APPLICANT ]; then
    api -o /dev/null -F status=MEMBER -F "reason=Resolution of the town council" \
      -F "document=@$work/resolution.pdf;type=application/pdf;filename=uchwala-$code.pdf" \
      "$base/api/v1/organisations/$id/membership" || { echo "$code: not admitted" >&2; return 1; }
  elif [ "$status" = MEMBER ]; then
    have=$(api "$base/api/v1/cells/$id" | jq '.people | length')
  else
    echo "$code is $status, not a member: left alone" >&2
    return 0
  fi
  # The missing people in one curl, so over one connection; the answers' status codes must be 201.
  local args=() j=0 person
  while IFS= read -r person; do
    if ((j >= have)); then
      args+=(--next -sS -o /dev/null -w '%{http_code}\n' -H "$auth" -H 'Content-Type: application/json'
        --data-binary "$person" "$base/api/v1/cells/$id/people")
    fi
    j=$((j + 1))
  done < <(jq -c '.people[]' <<<"$town")
  if ((${#args[@]} > 0)); then
    local refused
    refused=$(curl "${args[@]:1}" | grep -vc '^201$' || true)
    ((refused == 0)) || { echo "$code: $refused people refused" >&2; return 1; }
  fi
  echo "$code"
}

api "$base/api/v1/organisations" > "$work/organisations.json"
members=$(jq '[.[] | select((.code | startswith("DIR-")) and .status == "MEMBER")] | length' "$work/organisations.json")
everyone=$(api "$base/api/v1/people?max=1" | jq .total)
heap_seed_before=$(heap_used_mib)
if ((members >= towns && everyone >= towns * people_per_town)); then
  echo "Already seeded: $members towns of the benchmark are members, $everyone people in the directory."
else
  echo "Seeding $towns towns with $people_per_town people each (4 in parallel; resumes if interrupted)..."
  started=$(date +%s)
  # One line per town: its number in towns.jsonl, code, and id and status if it exists already.
  jq -r -n --slurpfile known "$work/organisations.json" '
      ($known[0] | map({(.code): .}) | add) as $byCode
      | [inputs] | to_entries[]
      | ($byCode[.value.code] // {id: "-", status: "-"}) as $o
      | "\(.key + 1) \(.value.code) \($o.id) \($o.status)"' "$work/towns.jsonl" > "$work/plan.txt"
  export -f seed_town api
  export work base auth
  if ! xargs -P 4 -L 1 bash -c 'set -o pipefail; seed_town "$@"' _ < "$work/plan.txt" > "$work/seeded.txt"; then
    echo "Seeding failed for some towns (see above); run the script again to complete it." >&2
    exit 1
  fi
  everyone=$(api "$base/api/v1/people?max=1" | jq .total)
  echo "Seeded $(wc -l < "$work/seeded.txt") towns in $(($(date +%s) - started)) s; $everyone people in the directory."
fi
heap_seed_after=$(heap_used_mib)

# --- What is measured ----------------------------------------------------------------------------

api "$base/api/v1/organisations" > "$work/organisations.json"
# Ten cells of 20 people across the five countries, for the cell page and its vCards.
jq -r '.[] | select(.code | test("^DIR-..-00[12]$")) | .id' "$work/organisations.json" > "$work/cells.txt"
cell=$(head -1 "$work/cells.txt")
sed 's|^|/membership/view-cell?organisation=|' "$work/cells.txt" > "$work/cell-pages.txt"
sed 's|^|/membership/vcards/cell/|' "$work/cells.txt" > "$work/vcards.txt"
town_id=$(jq -r '.[] | select(.code == "DIR-SK-010") | .id' "$work/organisations.json")

# Searches as people type them: names with and without diacritics, a town, a position, Cyrillic,
# filters alone and combined, every sort order, and pages deep into the 10 000.
cat > "$work/searches.txt" <<EOF
text=nowak
text=kovac
text=Przemysl
text=ov%C3%A1&sort=ORGANISATION
text=%D0%A8%D0%B5%D0%B2%D1%87%D0%B5%D0%BD%D0%BA%D0%BE
text=referent&country=SK
text=sanok
text=wisniewska&language=en
language=en&country=SK
language=uk&sort=COUNTRY
language=hu&topic=TOURISM
topic=EU_FUNDS&telework=true
country=RO&topic=CULTURE&language=de
sort=ORGANISATION&descending=true&first=2000
country=PL&sort=ROLE&first=1000
first=9950
organisation=$town_id
EOF
sed 's|^|/api/v1/people?|' "$work/searches.txt" > "$work/rest-searches.txt"
# The page shows 25 rows and takes the filters from the URL (sorting and paging are Ajax).
grep -v -e 'sort=' -e 'first=' "$work/searches.txt" | sed 's|^|/membership/search-directory?|' \
  > "$work/page-searches.txt"

# Every path answers as it should before it is measured (a lost session would measure redirects).
check() {
  local expect=$1 path=$2; shift 2
  local body="$work/check.out" code
  code=$(curl -s -o "$body" -w '%{http_code}' "$@" "$base$path")
  [ "$code" = 200 ] && grep -q -- "$expect" "$body" \
    || { echo "unexpected answer $code for $path" >&2; exit 1; }
}
while read -r path; do check '"total"' "$path" -H "$auth"; done < "$work/rest-searches.txt"
while read -r path; do check 'directory-form:people' "$path" -H "Cookie: $cookie"; done < "$work/page-searches.txt"
while read -r path; do check 'class="person" id="person-' "$path" -H "Cookie: $cookie"; done < "$work/cell-pages.txt"
while read -r path; do check 'BEGIN:VCARD' "$path" -H "Cookie: $cookie"; done < "$work/vcards.txt"
cards=$(curl -s -H "Cookie: $cookie" "$base/membership/vcards/cell/$cell" | grep -c '^BEGIN:VCARD' || true)

static=/jakarta.faces.resource/smek/css/smek.css.xhtml

# CPU time the server's process has used so far, in ms.
cpu_ms() {
  [ -x "$jboss_cli" ] || { echo "?"; return; }
  "$jboss_cli" -c --command="/core-service=platform-mbean/type=operating-system:read-attribute(name=process-cpu-time)" 2>/dev/null \
    | awk -F'=> ' '/"result"/ { gsub(/[L,]/, "", $2); printf "%d", $2 / 1000000 }'
}

# One scenario, right after a static baseline of its own at the same number of connections: the
# machine is shared and its load changes from minute to minute, so each p50 is divided by the
# baseline's p50 measured just before it. The CPU the server spends per request is the figure that
# other load disturbs least, hence also its ratio to the baseline's.
scenario() {
  local name=$1 connections=$2 path=$3; shift 3
  local base_rps base_p50 base_p99 base_bad rps p50 p99 bad cpu_0 cpu_1 cpu_2
  cpu_0=$(cpu_ms)
  read -r base_rps base_p50 base_p99 base_bad _ < <(measure "$connections" "$static")
  cpu_1=$(cpu_ms)
  read -r rps p50 p99 bad _ < <(measure "$connections" "$path" "$@")
  cpu_2=$(cpu_ms)
  local base_cpu cpu
  base_cpu=$(per_request "$cpu_0" "$cpu_1" "$base_rps")
  cpu=$(per_request "$cpu_1" "$cpu_2" "$rps")
  printf '| %-52s | %5s | %7s | %8s | %8s | %6s | %9s | %7s | %8s | %7s |\n' "$name" "$connections" "$rps" "$p50" "$p99" "$bad" \
    "$base_p50" "$(ratio "$p50" "$base_p50")" "$cpu" "$(ratio "$cpu" "$base_cpu")"
}
# CPU ms per request between two readings, for a scenario that served the given requests per second.
per_request() {
  awk -v c="$(($2 - $1))" -v r="$3" -v s="$seconds" 'BEGIN { if (c < 0 || r == 0) print "?"; else printf "%.2f", c / (r * s) }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "?" || b == "?" || b == 0) print "?"; else printf "%.1f", a / b }'; }
# The same, for paths listed in a file and requested in turn.
# Arguments: the file, the connections, the scenario's name, then wrk's headers.
rotate() {
  export BENCH_PATHS=$1
  scenario "$3" "$2" / -s "$here/rotate-paths.lua" "${@:4}"
}

# Warm-up, so that the measurements do not include compiling the code they run. On two cores the
# JIT compiler goes on for minutes after the first requests, so the warm-up lasts until the idle
# server uses less than a tenth of a core (at most two minutes).
warm_up() { wrk -t2 -c8 -d15s "$@" > /dev/null; }
warm_up "$base$static"
warm_up -H "$auth" "$base/api/v1/people"
for paths in rest-searches page-searches cell-pages vcards; do
  header=("Cookie: $cookie")
  [ "$paths" = rest-searches ] && header=("$auth")
  BENCH_PATHS="$work/$paths.txt" warm_up -s "$here/rotate-paths.lua" -H "${header[0]}" "$base/"
done
for _ in $(seq 1 24); do
  idle_from=$(cpu_ms); sleep 5
  [ "$idle_from" = "?" ] || [ $(($(cpu_ms) - idle_from)) -lt 500 ] && break
done

echo
echo "SMEK-int directory benchmark: $base, ${seconds}s per scenario, wrk -t2, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "Directory: $everyone people, $(jq '[.[] | select(.status == "MEMBER")] | length' "$work/organisations.json") member organisations; a cell's vCards: $cards people."
echo
printf '| %-52s | %5s | %7s | %8s | %8s | %6s | %9s | %7s | %8s | %7s |\n' scenario conns "req/s" "p50 ms" "p99 ms" failed "static p50" "p50 / static" "CPU ms / req" "CPU / static"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "------------------------------------------------------" "-------" "---------" "----------" "----------" "--------" "-----------" "-------------" "-------------" "-------------"
heap_before=$(heap_used_mib)
scenario "static resource (baseline)" 8 "$static"
scenario "REST search, everyone, first 50 by name" 8 "/api/v1/people" -H "$auth"
rotate "$work/rest-searches.txt" 8 "REST search, $(wc -l < "$work/rest-searches.txt") queries: text, filters, sort, paging" -H "$auth"
rotate "$work/rest-searches.txt" 1 "the same, one connection" -H "$auth"
scenario "directory page, signed in, no filter (25 rows)" 8 "/membership/search-directory" -H "Cookie: $cookie"
scenario "the same, one connection (what one user waits)" 1 "/membership/search-directory" -H "Cookie: $cookie"
rotate "$work/page-searches.txt" 8 "directory page, $(wc -l < "$work/page-searches.txt") filter sets" -H "Cookie: $cookie"
rotate "$work/page-searches.txt" 1 "the same, one connection" -H "Cookie: $cookie"
rotate "$work/cell-pages.txt" 8 "cell page, 10 cells of 20 people" -H "Cookie: $cookie"
rotate "$work/cell-pages.txt" 1 "the same, one connection" -H "Cookie: $cookie"
rotate "$work/vcards.txt" 8 "vCards of a whole cell (20 people), 10 cells" -H "Cookie: $cookie"
heap_after=$(heap_used_mib)
echo
echo "Heap retained after a full GC, in MiB: before seeding ${heap_seed_before}, after it ${heap_seed_after},"
echo "before the scenarios ${heap_before}, after them ${heap_after}."
