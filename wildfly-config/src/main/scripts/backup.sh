#!/usr/bin/env bash
# Backs SMEK-int up: the PostgreSQL database and the document files it refers to, consistent with
# each other. See usage below and the README's operations section.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: backup.sh DESTINATION

Writes DESTINATION/smek-<UTC time>/ and prints its path:
  database.dump  pg_dump of the database (custom format: pg_restore reads it)
  blobs.txt      the document files (SHA-256 names) that the dump refers to
  documents/     those files with their .crc32c checksums, laid out as in the store
  manifest       format, time, database, schema version, pg_dump version, counts, dump checksum
  SHA256SUMS     checksums of database.dump and blobs.txt (sha256sum -c SHA256SUMS)

The same environment as the server's:
  SMEK_DB_URL         jdbc:postgresql://host[:port]/database (or PGHOST, PGPORT, PGDATABASE)
  SMEK_DB_USER        (or PGUSER)
  SMEK_DB_PASSWORD    (or PGPASSWORD, or ~/.pgpass)
  SMEK_DOCUMENTS_DIR  the blob store

The server keeps running. The dump is one consistent snapshot; only the files it refers to are
copied, and while they are, a marker file in the store keeps the server's hourly orphan clean-up
from deleting any. Files that an earlier backup in DESTINATION holds are hard-linked from it (a
file's name is its SHA-256, so equal names are equal content): every backup is complete on its
own, and unchanged files cost no space. Files copied from the store are checked against their
SHA-256. Exits non-zero, leaving no backup, if any file the dump refers to is missing or damaged.
EOF
}

source "$(dirname "$0")/backup-common.sh"

[[ $# -eq 1 && $1 != -* ]] || {
  usage >&2
  exit 2
}
destination=$1
configure_database
configure_store
store=${SMEK_DOCUMENTS_DIR%/}
[[ -d "$store" ]] || die "the blob store $store does not exist"
mkdir -p "$destination"
destination=$(cd "$destination" && pwd)

# One backup at a time into a destination.
exec 9>"$destination/.backup.lock"
flock --nonblock 9 || die "another backup into $destination is running"

name="smek-$(date -u +%Y%m%dT%H%M%SZ)"
backup="$destination/$name"
partial="$destination/.$name.partial"
[[ ! -e "$backup" ]] || die "$backup exists already"
previous=$(find "$destination" -mindepth 2 -maxdepth 2 -name manifest -path "$destination/smek-*" \
  -printf '%h\n' | sort | tail -n 1)

marker="$store/$BACKUP_MARKER"
refresher=
finish() {
  local status=$?
  [[ -n "$refresher" ]] && kill "$refresher" 2>/dev/null
  rm -f "$marker"
  [[ $status -eq 0 ]] || rm -rf "$partial"
}
trap finish EXIT

# The marker goes in before the dump: a blob the dump refers to must not be deleted by a clean-up
# that read the references earlier. Touched every 5 minutes, as BlobStore expects.
echo "backup.sh on $(hostname) since $(date -u +%FT%TZ), pid $$" >"$marker"
# Without the lock's descriptor or the script's output, so that a sleep outliving the script holds
# neither.
(
  exec 9>&-
  while sleep 300; do touch "$marker"; done
) </dev/null >/dev/null 2>&1 &
refresher=$!

mkdir -p "$partial/documents"
cd "$partial"

pg_dump --format=custom --compress=6 --file=database.dump
referenced_blobs database.dump >blobs.txt

# Copy what the dump refers to: hard links from the previous backup where it has the file, the
# rest from the store. Names are hex, so plain whitespace-separated lists are safe.
: >from-previous.txt
: >from-store.txt
: >missing.txt
while read -r sha; do
  path=$(blob_path "$sha")
  if [[ -n "$previous" && -f "$previous/documents/$path" ]]; then
    echo "$path" >>from-previous.txt
    [[ -f "$previous/documents/$path.crc32c" ]] && echo "$path.crc32c" >>from-previous.txt
  elif [[ -f "$store/$path" ]]; then
    echo "$path" >>from-store.txt
    [[ -f "$store/$path.crc32c" ]] && echo "$path.crc32c" >>from-store.txt
  else
    echo "$sha" >>missing.txt
  fi
done <blobs.txt
if [[ -s from-previous.txt ]]; then
  (cd "$previous/documents" && xargs --arg-file="$partial/from-previous.txt" \
    cp --link --parents --target-directory="$partial/documents")
fi
if [[ -s from-store.txt ]]; then
  (cd "$store" && xargs --arg-file="$partial/from-store.txt" \
    cp --preserve=timestamps --parents --target-directory="$partial/documents")
fi

# Verify: every file the dump refers to is here, and those read from the store have the SHA-256
# of their name (the previous backup's were checked when it was made).
if [[ -s missing.txt ]]; then
  echo "$(basename "$0"): $(wc -l <missing.txt) files the database refers to are missing from" \
    "the store $store (restore them from an older backup):" >&2
  cat missing.txt >&2
  exit 3
fi
grep -v '\.crc32c$' from-store.txt | awk '{ n = split($0, p, "/"); print p[n] "  " $0 }' \
  >from-store.sha256 || true
if [[ -s from-store.sha256 ]] &&
  ! (cd documents && sha256sum --check --quiet --strict ../from-store.sha256 >&2); then
  echo "$(basename "$0"): files in the store $store do not match their SHA-256 (above)" >&2
  exit 3
fi
while read -r sha; do
  [[ -f "documents/$(blob_path "$sha")" ]] || die "$sha was not copied"
done <blobs.txt
rm -f from-previous.txt from-store.txt from-store.sha256 missing.txt

# The schema version is read from the dump, like the blob list.
schema_version=$(pg_restore --data-only --table=flyway_schema_history --file=- database.dump |
  awk -F'\t' '
    /^COPY / { copying = 1; next }
    copying && $0 == "\\." { copying = 0; next }
    copying && $2 != "\\N" && $NF == "t" { print $2 }' | sort -V | tail -n 1)
sha256sum database.dump blobs.txt >SHA256SUMS
cat >manifest <<EOF
format=$BACKUP_FORMAT
created_at=$(date -u +%FT%TZ)
database=${PGHOST:-local}:${PGPORT:-5432}/$PGDATABASE
database_server_version=$(psql --no-psqlrc --tuples-only --no-align --command='show server_version')
schema_version=${schema_version:-unknown}
pg_dump_version=$(pg_dump --version)
dump_sha256=$(sha256sum database.dump | cut -d' ' -f1)
blobs=$(wc -l <blobs.txt)
blob_bytes=$(cd documents && find . -type f ! -name '*.crc32c' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
linked_from=${previous:+$(basename "$previous")}
EOF

cd "$destination"
mv "$partial" "$backup"
echo "$backup"
