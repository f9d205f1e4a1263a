#!/usr/bin/env bash
# The telesession room's signaling under load: deploys the browser tests' seeding servlet next to a
# running SMEK-int server (by default the quick start's), makes one member town and coordinator per
# participant, opens a telesession, connects every participant to its room (the chair lets them in
# from the lobby) and measures, for the given seconds each:
#   1. point to point: every participant sends signals (ICE-candidate-sized) to the next one at a
#      steady rate; messages relayed per second and the latency from sending to receipt;
#   2. fan-out: every participant changes its raised hand once a second, each change going to all;
# against a static resource of the same server fetched over HTTP in the same run.
#
#   smek-ear/bench/room-bench.sh [base-url] [participants] [seconds] [signals-per-second-each]
#
# Needs the test classes built (mvn -o install -DskipTests builds them). The flood gate lets each
# connection send 30 messages a second (bursts of 60), so the rate stays below that.
set -euo pipefail

base=${1:-http://localhost:8080}
clients=${2:-50}
seconds=${3:-20}
rate=${4:-20}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jboss_cli=${JBOSS_CLI:-$root/wildfly-config/target/wildfly/bin/jboss-cli.sh}
management=${SMEK_MANAGEMENT:-localhost:9990}
work=$(mktemp -d)
trap '"$jboss_cli" --controller="$management" -c "undeploy telesession-seed.war" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT

run() {
  mvn -o -q -f "$root/smek-ear/pom.xml" exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=eu.smek.bench.RoomBench -Dexec.args="$*"
}

run export "$work/telesession-seed.war"
"$jboss_cli" --controller="$management" -c "deploy --force $work/telesession-seed.war" > /dev/null
run "$base" "$base/telesession-seed/" "$clients" "$seconds" "$rate"
