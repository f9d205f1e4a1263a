#!/usr/bin/env bash
# Stops the local cluster that cluster-start.sh started: the balancer and the nodes (TERM, then KILL after 30 s),
# then drops its database and deletes its directory (logs included: copy them first if you need them; set
# SMEK_CLUSTER_KEEP=true to keep the directory). Also cleans up after a start that failed half-way.
# Same SMEK_CLUSTER_DIR and PG* environment as cluster-start.sh.
set -uo pipefail

scripts=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$scripts/../../../.." && pwd)
dir=${SMEK_CLUSTER_DIR:-$root/wildfly-config/target/cluster}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

[ -d "$dir" ] || { echo "No cluster in $dir"; exit 0; }
db=$(sed -n 's/^SMEK_CLUSTER_DB=//p' "$dir"/cluster.env* 2>/dev/null | head -1)

# Every JVM the start script launched wrote its pid next to its base directory.
pids=()
for file in "$dir"/*/server.pid; do
  [ -s "$file" ] && pids+=("$(cat "$file")")
done
for pid in "${pids[@]}"; do
  kill -TERM "$pid" 2>/dev/null
done
for _ in $(seq 30); do
  alive=0
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  [ "$alive" = 0 ] && break
  sleep 1
done
for pid in "${pids[@]}"; do
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
done

if [ -n "$db" ]; then
  psql -q -d postgres -c "drop database if exists $db with (force)" || echo "Could not drop database $db" >&2
fi
if [ "${SMEK_CLUSTER_KEEP:-false}" = true ]; then
  rm -f "$dir"/cluster.env*
else
  rm -rf "$dir"
fi
echo "Cluster stopped${db:+, database $db dropped}."
