#!/usr/bin/env bash
# The document search at scale: a generated corpus of 100 000 documents in Polish, Slovak, English,
# Ukrainian and Hungarian (about 2 KB of text each), searched through SMEK's REST API and, side by
# side, with PostgreSQL's own full-text search over the same rows.
#
#   smek-ear/bench/search-bench.sh [documents] [rounds]
#
# Needs the built server and application (mvn -o package -DskipTests), a PostgreSQL on
# 127.0.0.1:5432 that lets user postgres in without a password (trust), and curl and psql. Starts its
# own WildFly on port offset 30000 (http://127.0.0.1:38080) with a fresh base directory, on a
# database smek_search_bench that it creates and drops again.
#
# Honest about the shortcut: the corpus is written straight into SMEK's tables (libraries,
# documents, versions and their extracted texts) with COPY, not uploaded through the application -
# 100 000 uploads with text extraction would take hours on this machine and measure Tika, not the
# search. The server then indexes the corpus itself: it finds its index empty at start-up and
# rebuilds it from the database with Hibernate Search's mass indexer; the rate it logs is the
# indexing rate reported. Queries are timed one at a time, for an association administrator (who
# reads everything) and for a clerk of Przemyśl (whose results are filtered to the libraries of
# their town and the open ones), after one warm-up round.
set -euo pipefail

documents=${1:-100000}
rounds=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
wildfly=$root/wildfly-config/target/wildfly
ear=$root/smek-ear/target/smek.ear
pgjar=$(ls "$root"/wildfly-config/target/postgresql/postgresql-*.jar)
database=smek_search_bench
offset=30000
base=http://127.0.0.1:$((8080 + offset))
management=127.0.0.1:$((9990 + offset))
login=admin
password=Search-Bench-2026
clerk=benchclerk
work=$(mktemp -d)
server=$work/server

for tool in curl psql java; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
[ -f "$ear" ] && [ -d "$wildfly" ] || { echo "build first: mvn -o package -DskipTests" >&2; exit 1; }

# shellcheck source=bench-lib.sh
source "$here/bench-lib.sh"

psql_() { psql -q -h 127.0.0.1 -U postgres "$@"; }
stop_server() {
  "$wildfly/bin/jboss-cli.sh" --controller="$management" -c --command=:shutdown >/dev/null 2>&1 || true
  for _ in $(seq 60); do
    [ -n "${pid:-}" ] && kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
}
cleanup() {
  stop_server
  psql_ -c "drop database if exists $database" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

export SMEK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database"
export SMEK_DB_USER=postgres SMEK_DB_PASSWORD=postgres
export SMEK_ADMIN_PASSWORD=$password

psql_ -c "drop database if exists $database" >/dev/null
psql_ -c "create database $database" >/dev/null

# A server of its own: the configured installation, a fresh base directory, the same CLI scripts.
mkdir -p "$server/deployments"
cp -r "$wildfly/standalone/configuration" "$server/"
"$wildfly/bin/jboss-cli.sh" --file="$root/wildfly-config/target/cli/configure.cli" \
  -Djboss.server.base.dir="$server" -Dsmek.postgresql.jar="$pgjar" > "$work/configure.log"
cp "$ear" "$server/deployments/"

start_server() {
  local log=$server/console.log
  : > "$log"
  "$wildfly/bin/standalone.sh" -Djboss.server.base.dir="$server" \
    -Djboss.socket.binding.port-offset=$offset -Djava.net.preferIPv4Stack=true >> "$log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do
    grep -q 'WFLYSRV0010: Deployed "smek.ear"' "$log" && return 0
    grep -q 'WFLYSRV0026\|WFLYCTL0013' "$log" && { tail -50 "$log" >&2; exit 1; }
    sleep 1
  done
  echo "the server did not start" >&2
  exit 1
}

echo "Starting SMEK-int on PostgreSQL (migrates the empty database, creates '$login')..."
start_server
stop_server

echo "Seeding $documents documents straight into the database..."
# A clerk of Przemyśl with the administrator's password, for the filtered searches.
psql_ -d "$database" <<SQL
create temporary table bench_account as select * from account where login = '$login';
update bench_account set id = id + 1000000, login = '$clerk', email = '$clerk@localhost',
  display_name = 'Benchmark clerk', organisation_id = (select id from organisation where code = 'PP3');
insert into account select * from bench_account;
insert into account_role (account_id, role) select id, 'CLERK' from account where login = '$clerk';
SQL
started=$(date +%s)
java -cp "$pgjar" "$here/SearchBench.java" seed "$SMEK_DB_URL" "$documents"
echo "Seeded in $(($(date +%s) - started)) s."

echo "Starting again: the index is empty, so the server rebuilds it from the database..."
start_server
for _ in $(seq 3600); do
  grep -q 'Document search index rebuilt\|Rebuilding the document search index failed' "$server/console.log" && break
  sleep 1
done
grep -o 'Document search index rebuilt.*' "$server/console.log" || { tail -50 "$server/console.log" >&2; exit 1; }

# Bearer tokens: the REST API checks a password hash per request, a token only per request's hash.
jar="$work/admin.txt"
sign_in "$jar" >/dev/null
admin_token=$(create_token "$jar")
login=$clerk
jar="$work/clerk.txt"
sign_in "$jar" >/dev/null
clerk_token=$(create_token "$jar")
[ -n "$admin_token" ] && [ -n "$clerk_token" ] || { echo "could not create API tokens" >&2; exit 1; }

echo
java -cp "$pgjar" "$here/SearchBench.java" http "$base" "$admin_token" "$clerk_token" "$rounds"
echo
stop_server
java -cp "$pgjar" "$here/SearchBench.java" pg "$SMEK_DB_URL" "$rounds" "$clerk"
