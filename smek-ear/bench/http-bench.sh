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

# Signs in through the real form and prints the session cookie.
sign_in() {
  local jar=$1
  curl -s -c "$jar" -b "$jar" "$base/login" -o "$work/login.html"
  curl -s -c "$jar" -b "$jar" -o /dev/null "$base/login" \
    --data-urlencode "login-form=login-form" \
    --data-urlencode "login-form:username=$login" \
    --data-urlencode "login-form:password=$password" \
    --data-urlencode "login-form:sign-in=" \
    --data-urlencode "jakarta.faces.ViewState=$(view_state "$work/login.html")" \
    --data-urlencode "primefaces.nonce=$(nonce "$work/login.html")"
  awk '$6 == "JSESSIONID" { print "JSESSIONID=" $7 }' "$jar"
}
view_state() { grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' "$1" | head -1 | sed 's/.*value="//; s/"$//'; }
nonce() { grep -o "PrimeFaces.csp.init('[^']*')" "$1" | head -1 | sed "s/.*init('//; s/')//"; }

# Creates an API token through the tokens page and prints its secret.
create_token() {
  local jar=$1
  curl -s -c "$jar" -b "$jar" "$base/security/manage-api-tokens" -o "$work/tokens.html"
  curl -s -c "$jar" -b "$jar" "$base/security/manage-api-tokens" -o "$work/created.html" \
    --data-urlencode "token-form=token-form" \
    --data-urlencode "token-form:name=benchmark $(date +%s)" \
    --data-urlencode "token-form:create=" \
    --data-urlencode "jakarta.faces.ViewState=$(view_state "$work/tokens.html")" \
    --data-urlencode "primefaces.nonce=$(nonce "$work/tokens.html")"
  grep -o 'id="token-form:secret"[^>]*value="smek_[^"]*"' "$work/created.html" | sed 's/.*value="//; s/"$//'
}

# Runs wrk and prints "requests/s p50-ms p99-ms failed".
measure() {
  local connections=$1 path=$2; shift 2
  local out="$work/wrk.txt"
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency "$@" "$base$path" > "$out"
  local rps p50 p99 bad
  rps=$(awk '/Requests\/sec/ { print $2 }' "$out")
  p50=$(awk '$1 == "50%" { print $2 }' "$out")
  p99=$(awk '$1 == "99%" { print $2 }' "$out")
  # Failed requests: non-2xx/3xx answers plus socket errors (connect, read, write, timeout).
  bad=$(awk '/Non-2xx or 3xx responses/ { n += $5 } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
  echo "$rps $(to_ms "$p50") $(to_ms "$p99") ${bad:-0}"
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# Heap in use after a full collection (what the server retains), in MiB.
heap_used_mib() {
  [ -x "$jboss_cli" ] || { echo "?"; return; }
  "$jboss_cli" -c --commands="/core-service=platform-mbean/type=memory:gc,/core-service=platform-mbean/type=memory:read-attribute(name=heap-memory-usage)" 2>/dev/null \
    | awk -F'=> ' '/"used"/ { gsub(/[L,]/, "", $2); printf "%d", $2 / 1048576 }'
}

jar="$work/cookies.txt"
cookie=$(sign_in "$jar")
[ -n "$cookie" ] || { echo "could not sign in as $login at $base" >&2; exit 1; }
token=$(create_token "$jar")
[ -n "$token" ] || { echo "could not create an API token" >&2; exit 1; }

echo "SMEK-int HTTP benchmark: $base, ${seconds}s per scenario, wrk -t2, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
printf '| %-52s | %5s | %9s | %8s | %8s | %7s | %13s |\n' scenario conns "req/s" "p50 ms" "p99 ms" "failed" "p50 / static"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "------------------------------------------------------" "-------" "-----------" "----------" "----------" "---------" "---------------"
row() {
  local name=$1 connections=$2 path=$3; shift 3
  read -r rps p50 p99 bad < <(measure "$connections" "$path" "$@")
  [ -z "${static_p50:-}" ] && static_p50=$p50
  printf '| %-52s | %5s | %9s | %8s | %8s | %7s | %13s |\n' "$name" "$connections" "$rps" "$p50" "$p99" "$bad" \
    "$(awk -v a="$p50" -v b="$static_p50" 'BEGIN { printf "%.1f", a / b }')"
}
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
