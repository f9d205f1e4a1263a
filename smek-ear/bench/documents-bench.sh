#!/usr/bin/env bash
# Large documents: uploads a 1 GiB file to a running SMEK-int server through the REST API and
# reports how much the server's heap grew meanwhile, then downloads it from SMEK-int and from nginx
# (serving the very same file from the blob store, with sendfile as Debian configures it, and
# without) in alternating rounds and reports SMEK-int's throughput as a ratio of each.
#
#   SMEK_DOCUMENTS_MAX_UPLOAD_MIB=1100 SMEK_MAX_REQUEST_BYTES=1200000000 mvn install -Pstart -DskipTests
#   smek-ear/bench/documents-bench.sh [base-url] [rounds] [size-mib]
#
# The server must accept a file that large (the two variables above, read when it starts) and run
# on this machine: nginx reads the blob from the store directory (SMEK_DOCUMENTS_DIR, by default
# smek-ear/target/quickstart-server/data/documents). Needs curl, jq and nginx (Debian's
# nginx-light will do); uses the demo account "admin" and Przemyśl's demo library or a new one.
set -euo pipefail

base=${1:-http://localhost:8080}
rounds=${2:-3}
size_mib=${3:-1024}
login=admin
password=Euroregion-2026
here=$(cd "$(dirname "$0")" && pwd)
jboss_cli=${JBOSS_CLI:-$here/../../wildfly-config/target/wildfly/bin/jboss-cli.sh}
store=${SMEK_DOCUMENTS_DIR:-$here/../target/quickstart-server/data/documents}
nginx_port=${NGINX_PORT:-18181}
work=$(mktemp -d)
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=bench-lib.sh
source "$here/bench-lib.sh"
connect curl jq nginx

# Old-generation heap: what a server that held an upload in memory would fill. G1 puts large
# arrays straight there, so its peak during the upload shows any buffering of the file.
old_gen() { # used|peak-usage
  "$jboss_cli" -c --commands="/core-service=platform-mbean/type=memory-pool/name=G1_Old_Gen:read-attribute(name=$1)" 2>/dev/null \
    | awk -F'=> ' '/"used"/ { gsub(/[L,]/, "", $2); printf "%d", $2 / 1048576 }'
}
gc_and_reset_peak() {
  "$jboss_cli" -c --commands="/core-service=platform-mbean/type=memory:gc,/core-service=platform-mbean/type=memory-pool/name=G1_Old_Gen:reset-peak-usage" >/dev/null
}

# --- The file: a PDF header and random bytes, so it is accepted and does not compress ----------
echo "Making a ${size_mib} MiB file ..." >&2
{ printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n'; head -c "$((size_mib * 1024 * 1024 - 16))" /dev/urandom; } > "$work/big.pdf"

# A library of the benchmark's own, made once, in the first organisation.
library=$(api "$base/api/v1/documents/libraries" | jq -r '[.[] | select(.name == "Benchmark")][0].id')
if ! [[ $library =~ ^[0-9]+$ ]]; then
  organisation=$(api "$base/api/v1/organisations" | jq -r '.[0].id')
  library=$(jq -n -c --argjson id "$organisation" '{spaceType: "ORGANISATION", spaceId: $id, name: "Benchmark", visibility: "PRIVATE"}' \
    | api -H 'Content-Type: application/json' --data-binary @- "$base/api/v1/documents/libraries" | jq -r .id)
fi
[[ $library =~ ^[0-9]+$ ]] || { echo "no library to upload to" >&2; exit 1; }

# --- Upload -----------------------------------------------------------------------------------
gc_and_reset_peak
before=$(old_gen usage)
heap_before=$(heap_used_mib)
start=$(date +%s.%N)
document=$(api -F "file=@$work/big.pdf;type=application/pdf" -F "title=Benchmark $(date +%s)" \
  -F type=REPORT -F language=pl "$base/api/v1/documents/libraries/$library/documents" | jq -r .id)
upload_seconds=$(echo "$(date +%s.%N) - $start" | bc)
[[ $document =~ ^[0-9]+$ ]] || { echo "the upload failed" >&2; exit 1; }
peak=$(old_gen peak-usage)
heap_after=$(heap_used_mib)
sha=$(api "$base/api/v1/documents/$document" | jq -r '.versions[-1].sha256')
blob="$store/${sha:0:2}/${sha:2:2}/$sha"
[ -f "$blob" ] || { echo "the blob $blob is not where nginx should read it" >&2; exit 1; }

# --- Download: SMEK-int and nginx in turn ------------------------------------------------------
# Its worker runs as the caller, so it may read the store as the server does.
cat > "$work/nginx.conf" <<EOF
user $(id -un);
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 64; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  default_type application/pdf;
  client_body_temp_path $work;
  proxy_temp_path $work;
  fastcgi_temp_path $work;
  uwsgi_temp_path $work;
  scgi_temp_path $work;
  server {
    listen 127.0.0.1:$nginx_port;
    location = /big.pdf { alias $blob; }
    location = /big-read.pdf { alias $blob; sendfile off; output_buffers 2 256k; }
  }
}
EOF
nginx -c "$work/nginx.conf" -p "$work"
sleep 1

speed() { curl -s -o /dev/null -w '%{http_code} %{speed_download}\n' "$@"; }
smek_speeds=() link_speeds=() nginx_speeds=() nginx_read_speeds=()
for round in $(seq "$rounds"); do
  read -r code bytes < <(speed -H "$auth" "$base/api/v1/documents/$document/content")
  [ "$code" = 200 ] || { echo "SMEK-int answered $code" >&2; exit 1; }
  smek_speeds+=("$bytes")
  read -r code bytes < <(speed -b "$cookie" "$base/documents/files/$document")
  [ "$code" = 200 ] || { echo "SMEK-int's download link answered $code" >&2; exit 1; }
  link_speeds+=("$bytes")
  read -r code bytes < <(speed "http://127.0.0.1:$nginx_port/big.pdf")
  [ "$code" = 200 ] || { echo "nginx answered $code" >&2; exit 1; }
  nginx_speeds+=("$bytes")
  read -r code bytes < <(speed "http://127.0.0.1:$nginx_port/big-read.pdf")
  [ "$code" = 200 ] || { echo "nginx answered $code" >&2; exit 1; }
  nginx_read_speeds+=("$bytes")
  echo "round $round: SMEK-int $((${smek_speeds[-1]%.*} / 1048576)) MiB/s by the API," \
    "$((${link_speeds[-1]%.*} / 1048576)) MiB/s by the link," \
    "nginx $((${nginx_speeds[-1]%.*} / 1048576)) MiB/s with sendfile," \
    "$((${nginx_read_speeds[-1]%.*} / 1048576)) MiB/s without" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
smek=$(median "${smek_speeds[@]}")
link=$(median "${link_speeds[@]}")
# The baseline is nginx as Debian configures it (sendfile on). Without sendfile, reading into
# buffers as SMEK-int does, it is faster on loopback here: that ratio is reported too.
with_sendfile=$(median "${nginx_speeds[@]}")
without_sendfile=$(median "${nginx_read_speeds[@]}")

# The benchmark's document goes again, so that runs do not fill the disk; the clean-up job
# deletes its blob once it is older than its grace period.
api -X DELETE -o /dev/null "$base/api/v1/documents/$document" || true

echo
echo "| measurement | value |"
echo "|---|---|"
printf '| upload of %d MiB: time | %.1f s (%.0f MiB/s) |\n' "$size_mib" "$upload_seconds" "$(echo "$size_mib / $upload_seconds" | bc -l)"
printf '| upload: old-generation heap before, peak during | %s MiB, %s MiB (growth %s MiB; target < 64) |\n' "$before" "$peak" "$((peak - before))"
printf '| upload: heap in use after a full GC, before and after | %s MiB, %s MiB |\n' "$heap_before" "$heap_after"
printf '| download, median of %d: SMEK-int, REST API | %.0f MiB/s |\n' "$rounds" "$(echo "$smek / 1048576" | bc -l)"
printf '| download, median of %d: SMEK-int, download link of the pages | %.0f MiB/s |\n' "$rounds" "$(echo "$link / 1048576" | bc -l)"
printf '| download, median of %d: nginx with sendfile | %.0f MiB/s |\n' "$rounds" "$(echo "$with_sendfile / 1048576" | bc -l)"
printf '| download, median of %d: nginx reading into 256 KiB buffers | %.0f MiB/s |\n' "$rounds" "$(echo "$without_sendfile / 1048576" | bc -l)"
printf '| download: SMEK-int / nginx with sendfile, REST API | %.2f (target >= 0.8) |\n' "$(echo "$smek / $with_sendfile" | bc -l)"
printf '| download: SMEK-int / nginx with sendfile, download link | %.2f (target >= 0.8) |\n' "$(echo "$link / $with_sendfile" | bc -l)"
printf '| download: SMEK-int / nginx without sendfile, REST API | %.2f |\n' "$(echo "$smek / $without_sendfile" | bc -l)"
printf '| download: SMEK-int / nginx without sendfile, download link | %.2f |\n' "$(echo "$link / $without_sendfile" | bc -l)"
