#!/usr/bin/env bash
# HTTP benchmarks of a running SMEK-int server (by default the quick start's, with its demo data).
# Every scenario is measured in the same run as a baseline (a static resource from the same server),
# and reported as a ratio to it, because absolute figures on a shared machine say little.
#
#   smek-ear/bench/http-bench.sh [base-url] [seconds-per-scenario]
#
# Needs wrk (Debian package "wrk") and curl; uses the demo account "clerk".
set -euo pipefail

base=${1:-http://localhost:8080}
seconds=${2:-20}
login=clerk
password=Humenne-2026
jboss_cli=${JBOSS_CLI:-$(dirname "$0")/../../wildfly-config/target/wildfly/bin/jboss-cli.sh}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

# shellcheck source=bench-lib.sh
source "$(dirname "$0")/bench-lib.sh"

jar="$work/cookies.txt"
cookie=$(sign_in "$jar")
[ -n "$cookie" ] || { echo "could not sign in as $login at $base" >&2; exit 1; }
token=$(create_token "$jar")
[ -n "$token" ] || { echo "could not create an API token" >&2; exit 1; }

echo "SMEK-int HTTP benchmark: $base, ${seconds}s per scenario, wrk -t2, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
table_header
heap_start=$(heap_used_mib)
row "static resource (baseline)" 8 "/jakarta.faces.resource/smek/css/smek.css.xhtml"
row "welcome page, visitor (stateless view, no session)" 8 "/"
heap_welcome=$(heap_used_mib)
row "sign-in page, visitor (session of 10 minutes)" 8 "/login"
row "dashboard, signed in (JSF + database)" 8 "/dashboard" -H "Cookie: $cookie"
row "GET /api/v1/organisations, API token" 8 "/api/v1/organisations" -H "Authorization: Bearer $token"
heap_before=$(heap_used_mib)
row "GET /api/v1/me, HTTP Basic (Argon2id)" 16 "/api/v1/me" \
  -H "Authorization: Basic $(printf '%s:%s' "$login" "$password" | base64)"
heap_after=$(heap_used_mib)
echo
echo "Heap retained after a full GC, in MiB: at the start ${heap_start}, after the welcome page ${heap_welcome},"
echo "before the Argon2id scenario ${heap_before}, after it ${heap_after}."
