#!/usr/bin/env bash
# Starts a local SMEK-int cluster on this machine: a PostgreSQL database, two WildFly nodes (node-1, node-2) on
# standalone-ha.xml with the EAR, one blob store directory they share, and a WildFly load balancer in front with
# sticky sessions. Stop it with cluster-stop.sh. Needs the build: "mvn install -DskipTests" (the configured server in
# wildfly-config/target/wildfly and the EAR in smek-ear/target).
#
# Everything has a default; override by environment:
#   SMEK_CLUSTER_DIR          where the nodes' base directories, logs and the blob store go
#                             (default wildfly-config/target/cluster)
#   SMEK_CLUSTER_DB           database name (default smek_cluster); PGHOST/PGPORT/PGUSER as for psql
#                             (default 127.0.0.1, 5432, postgres; trust authentication or a ~/.pgpass)
#   SMEK_CLUSTER_OFFSETS      port offsets of the nodes (default "20000 20100": HTTP 28080 and 28180)
#   SMEK_BALANCER_OFFSET      port offset of the balancer (default 20500: HTTP 28580, the cluster's address)
#   SMEK_ADMIN_PASSWORD       the first administrator's password (default Karpaty-Klaster-2026; login "admin")
#   SMEK_CLUSTER_HEAP         each node's -Xmx (default 1g)
#   SMEK_EAR                  the EAR to deploy (default smek-ear/target/smek.ear)
# Other SMEK_* variables (mail, session timeout, ...) are passed to the nodes unchanged.
#
# The nodes start one after the other (the first one migrates the empty database and creates the administrator),
# and the script returns when the balancer answers and both nodes have deployed the EAR. It prints the
# addresses; the state (pids, ports) is in $SMEK_CLUSTER_DIR/cluster.env, which cluster-stop.sh and the tests read.
set -euo pipefail

scripts=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$scripts/../../../.." && pwd)
wildfly=${SMEK_WILDFLY_HOME:-$root/wildfly-config/target/wildfly}
dir=${SMEK_CLUSTER_DIR:-$root/wildfly-config/target/cluster}
db=${SMEK_CLUSTER_DB:-smek_cluster}
offsets=(${SMEK_CLUSTER_OFFSETS:-20000 20100})
balancer_offset=${SMEK_BALANCER_OFFSET:-20500}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
ear=${SMEK_EAR:-$root/smek-ear/target/smek.ear}

[ -x "$wildfly/bin/standalone.sh" ] || { echo "No server in $wildfly: run mvn install -DskipTests first" >&2; exit 1; }
[ -f "$ear" ] || { echo "No EAR ($ear): run mvn install -DskipTests first" >&2; exit 1; }
if [ -f "$dir/cluster.env" ]; then
  echo "A cluster is running from $dir (or was not stopped): run cluster-stop.sh first" >&2
  exit 1
fi

# Waits until a file exists (a deployment marker) or the process dies; the timeout is generous for 2 busy cores.
wait_for_file() {
  local file=$1 failed=$2 pid=$3 seconds=${4:-300}
  for _ in $(seq "$seconds"); do
    [ -f "$file" ] && return 0
    [ -f "$failed" ] && { echo "Deployment failed: $failed" >&2; return 1; }
    kill -0 "$pid" 2>/dev/null || { echo "The server (pid $pid) died; see its log" >&2; return 1; }
    sleep 1
  done
  echo "Timed out waiting for $file" >&2
  return 1
}

# The database: a fresh one; its JDBC URL is the nodes' SMEK_DB_URL.
psql -v ON_ERROR_STOP=1 -q -d postgres -c "drop database if exists $db" -c "create database $db"
db_url="jdbc:postgresql://$PGHOST:$PGPORT/$db"

rm -rf "$dir"
mkdir -p "$dir/documents"
members=""
for offset in "${offsets[@]}"; do
  members="${members:+$members,}127.0.0.1[$((7600 + offset))]"
done

# One configured standalone/ (standalone-ha.xml, already configured by the build), with the PostgreSQL driver:
# 02-datasource.cli picks the driver from SMEK_DB_URL when it is applied, so apply it again here.
template="$dir/template"
mkdir -p "$template/deployments"
cp -r "$wildfly/standalone/configuration" "$template/"
rm -rf "$template/configuration/standalone_xml_history"
{
  echo 'embed-server --server-config=standalone-ha.xml --std-out=discard'
  cat "$root/wildfly-config/src/main/cli/02-datasource.cli"
  echo 'stop-embedded-server'
} > "$dir/datasource.cli"
SMEK_DB_URL=$db_url "$wildfly/bin/jboss-cli.sh" --file="$dir/datasource.cli" \
  -Djboss.server.base.dir="$template" > "$dir/datasource.log" 2>&1 \
  || { cat "$dir/datasource.log" >&2; exit 1; }

state="$dir/cluster.env.tmp"
{
  echo "SMEK_CLUSTER_DIR=$dir"
  echo "SMEK_CLUSTER_DB=$db"
  echo "SMEK_CLUSTER_DB_URL=$db_url"
  echo "SMEK_CLUSTER_NODES=${#offsets[@]}"
} > "$state"

# Each node gets its own start.sh (its environment and command line), which this script runs and which restarts the
# node after a crash or a test's kill: "$SMEK_CLUSTER_DIR/node-1/start.sh".
start_node() {
  local n=$1 offset=$2 base="$dir/node-$1"
  # Only the configuration: the embedded server above left its own log/, data/ and tmp/ in the template.
  mkdir -p "$base/deployments"
  cp -r "$template/configuration" "$base/"
  cp "$ear" "$base/deployments/smek.ear"
  cat > "$base/start.sh" <<NODE
#!/usr/bin/env bash
# Starts node-$n of the local cluster in the background (written by cluster-start.sh).
export SMEK_DB_URL='$db_url' SMEK_DB_USER='$PGUSER' SMEK_DB_PASSWORD='${PGPASSWORD:-postgres}'
export SMEK_CLUSTER_MEMBERS='$members' SMEK_DOCUMENTS_DIR='$dir/documents'
export SMEK_ADMIN_PASSWORD='${SMEK_ADMIN_PASSWORD:-Karpaty-Klaster-2026}'
export SMEK_PUBLIC_URL='http://127.0.0.1:$((8080 + balancer_offset))'
# Mail as the caller says, or the defaults (an empty value, e.g. from a test run, would break the mail session).
export SMEK_SMTP_HOST='${SMEK_SMTP_HOST:-localhost}' SMEK_SMTP_PORT='${SMEK_SMTP_PORT:-25}'
export JBOSS_JAVA_SIZING='-Xms128m -Xmx${SMEK_CLUSTER_HEAP:-1g}'
# standalone.sh then writes the JVM's own pid, which cluster-stop.sh and the failover test kill.
export LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE='$base/server.pid'
rm -f '$base/server.pid'
nohup '$wildfly/bin/standalone.sh' -c standalone-ha.xml \\
  -Djboss.server.base.dir='$base' -Djboss.node.name=node-$n \\
  -Djboss.socket.binding.port-offset=$offset \\
  -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.private=127.0.0.1 \\
  >> '$base/console.log' 2>&1 &
for _ in \$(seq 60); do [ -s '$base/server.pid' ] && break; sleep 1; done
cat '$base/server.pid'
NODE
  chmod +x "$base/start.sh"
  echo "SMEK_NODE_${n}_PID=$("$base/start.sh")" >> "$state"
  echo "SMEK_NODE_${n}_OFFSET=$offset" >> "$state"
  echo "SMEK_NODE_${n}_BASE=$base" >> "$state"
}

# The balancer: standalone-load-balancer.xml (Undertow only) with a static reverse proxy to the nodes instead of
# mod_cluster, which would need multicast or the balancer's address in every node's configuration. Sticky:
# the proxy reads the route after the dot in JSESSIONID (the node name) and sends the request there while that
# node is up, else to another.
balancer="$dir/balancer"
mkdir -p "$balancer/deployments"
cp -r "$wildfly/standalone/configuration" "$balancer/"
rm -rf "$balancer/configuration/standalone_xml_history"
{
  echo 'embed-server --server-config=standalone-load-balancer.xml --std-out=discard'
  echo 'batch'
  echo '/subsystem=undertow/server=default-server/host=default-host/filter-ref=load-balancer:remove'
  echo '/subsystem=undertow/configuration=filter/mod-cluster=load-balancer:remove'
  echo '/subsystem=undertow/configuration=handler/reverse-proxy=smek-nodes:add(problem-server-retry=5, max-retries=2, connections-per-thread=20)'
  n=0
  for offset in "${offsets[@]}"; do
    n=$((n + 1))
    echo "/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=node-$n:add(host=127.0.0.1, port=$((8080 + offset)))"
    echo "/subsystem=undertow/configuration=handler/reverse-proxy=smek-nodes/host=node-$n:add(outbound-socket-binding=node-$n, scheme=http, instance-id=node-$n, path=/)"
  done
  echo '/subsystem=undertow/server=default-server/host=default-host/location=\/:add(handler=smek-nodes)'
  echo 'run-batch'
  echo 'stop-embedded-server'
} > "$dir/balancer.cli"
"$wildfly/bin/jboss-cli.sh" --file="$dir/balancer.cli" -Djboss.server.base.dir="$balancer" > "$dir/balancer-cli.log" 2>&1 \
  || { cat "$dir/balancer-cli.log" >&2; exit 1; }

n=0
for offset in "${offsets[@]}"; do
  n=$((n + 1))
  start_node "$n" "$offset"
  pid=$(grep "^SMEK_NODE_${n}_PID=" "$state" | cut -d= -f2)
  wait_for_file "$dir/node-$n/deployments/smek.ear.deployed" "$dir/node-$n/deployments/smek.ear.failed" "$pid"
  echo "node-$n up: http://127.0.0.1:$((8080 + offset))/ (pid $pid, log $dir/node-$n/log/server.log)"
done

JBOSS_JAVA_SIZING="-Xms64m -Xmx256m" LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$balancer/server.pid" \
  nohup "$wildfly/bin/standalone.sh" -c standalone-load-balancer.xml \
    -Djboss.server.base.dir="$balancer" -Djboss.node.name=balancer \
    -Djboss.socket.binding.port-offset="$balancer_offset" -Djboss.bind.address=127.0.0.1 \
    > "$balancer/console.log" 2>&1 &
for _ in $(seq 30); do [ -s "$balancer/server.pid" ] && break; sleep 1; done
echo "SMEK_BALANCER_PID=$(cat "$balancer/server.pid")" >> "$state"
echo "SMEK_BALANCER_OFFSET=$balancer_offset" >> "$state"
balancer_url="http://127.0.0.1:$((8080 + balancer_offset))"
echo "SMEK_BALANCER_URL=$balancer_url" >> "$state"
for _ in $(seq 120); do
  curl -fs -o /dev/null "$balancer_url/login" && break
  sleep 1
done
curl -fs -o /dev/null "$balancer_url/login" || { echo "The balancer does not answer at $balancer_url" >&2; exit 1; }
mv "$state" "$dir/cluster.env"
echo "Cluster up: $balancer_url/ (admin / ${SMEK_ADMIN_PASSWORD:-Karpaty-Klaster-2026}); stop it with $scripts/cluster-stop.sh"
