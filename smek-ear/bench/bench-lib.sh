# Functions the benchmark scripts share; sourced, not run. They use the caller's variables: base
# (the server's URL), seconds (per scenario), login and password (a demo account), work (a scratch
# directory) and jboss_cli.

# Checks that the given tools are installed, signs in as $login and makes an API token: sets jar
# (the cookie file), cookie, token and auth (the Authorization header) for the calling script.
connect() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install ${tool/nginx/nginx-light}" >&2; exit 1; }
  done
  jar="$work/cookies.txt"
  cookie=$(sign_in "$jar")
  [ -n "$cookie" ] || { echo "could not sign in as $login at $base" >&2; exit 1; }
  token=$(create_token "$jar")
  [ -n "$token" ] || { echo "could not create an API token" >&2; exit 1; }
  auth="Authorization: Bearer $token"
}

# curl with the API token, failing on an error status.
api() { curl -sS --fail-with-body -H "$auth" "$@"; }

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

# Runs wrk and prints "requests/s p50-ms p99-ms failed p95-ms". wrk's own table has no 95th
# percentile, so a done() hook is added to the scenario's script (or runs alone) to print it.
measure() {
  local connections=$1 path=$2; shift 2
  local out="$work/wrk.txt" script="$work/measure.lua" args=()
  : > "$script"
  while [ $# -gt 0 ]; do
    if [ "$1" = -s ]; then cat "$2" >> "$script"; shift 2; else args+=("$1"); shift; fi
  done
  cat >> "$script" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("p95 %d\n", latency:percentile(95)))
end
LUA
  wrk -t"$((connections < 2 ? 1 : 2))" -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$script" "${args[@]}" "$base$path" > "$out"
  local rps p50 p99 bad p95
  rps=$(awk '/Requests\/sec/ { print $2 }' "$out")
  p50=$(awk '$1 == "50%" { print $2 }' "$out")
  p99=$(awk '$1 == "99%" { print $2 }' "$out")
  p95=$(awk '$1 == "p95" { printf "%.2f", $2 / 1000 }' "$out")
  # Failed requests: non-2xx/3xx answers plus socket errors (connect, read, write, timeout).
  bad=$(awk '/Non-2xx or 3xx responses/ { n += $5 } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
  echo "$rps $(to_ms "$p50") $(to_ms "$p99") ${bad:-0} $p95"
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# Heap in use after a full collection (what the server retains), in MiB.
heap_used_mib() {
  [ -x "$jboss_cli" ] || { echo "?"; return; }
  "$jboss_cli" -c --commands="/core-service=platform-mbean/type=memory:gc,/core-service=platform-mbean/type=memory:read-attribute(name=heap-memory-usage)" 2>/dev/null \
    | awk -F'=> ' '/"used"/ { gsub(/[L,]/, "", $2); printf "%d", $2 / 1048576 }'
}

# The results table: a header, then one row per scenario; the first row is the baseline the
# others' p50 is divided by.
table_header() {
  printf '| %-52s | %5s | %9s | %8s | %8s | %8s | %7s | %13s | %13s |\n' scenario conns "req/s" "p50 ms" "p95 ms" "p99 ms" "failed" "p50 / static" "p95 / static"
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "------------------------------------------------------" "-------" "-----------" "----------" "----------" "----------" "---------" "---------------" "---------------"
}
row() {
  local name=$1 connections=$2 path=$3; shift 3
  read -r rps p50 p99 bad p95 < <(measure "$connections" "$path" "$@")
  [ -z "${static_p50:-}" ] && static_p50=$p50 && static_p95=$p95
  printf '| %-52s | %5s | %9s | %8s | %8s | %8s | %7s | %13s | %13s |\n' "$name" "$connections" "$rps" "$p50" "$p95" "$p99" "$bad" \
    "$(awk -v a="$p50" -v b="$static_p50" 'BEGIN { printf "%.1f", a / b }')" \
    "$(awk -v a="$p95" -v b="$static_p95" 'BEGIN { printf "%.1f", a / b }')"
}
