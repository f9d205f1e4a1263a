#!/usr/bin/env bash
# Restores a backup made by backup.sh into an empty database and an empty blob store. See usage
# below and the README's operations section.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: restore.sh [--force] BACKUP

Restores BACKUP (a directory written by backup.sh) into the database and the blob store that the
environment names, the same variables as the server's:
  SMEK_DB_URL         jdbc:postgresql://host[:port]/database (or PGHOST, PGPORT, PGDATABASE)
  SMEK_DB_USER        (or PGUSER); the restored tables belong to this user
  SMEK_DB_PASSWORD    (or PGPASSWORD, or ~/.pgpass)
  SMEK_DOCUMENTS_DIR  the blob store

Stop every server node first. Run it as the user the server runs as, so that the files belong to it.
The database is created if it does not exist (that needs the CREATEDB right; otherwise have an
empty database created for that user). The backup is checked before anything is written: the
dump's checksum and the SHA-256 of every file. Then the database and the files are restored, and
the store is checked against what the restored database refers to.

Refuses a database that has tables or a store that has files, unless --force is given: then the
backup's tables replace those of the same name and its files are added to the store.

The full-text index is not in the backup: delete each node's index directory
(SMEK_SEARCH_INDEX_DIR) before starting the servers, and they rebuild it from the database.
EOF
}

source "$(dirname "$0")/backup-common.sh"

force=false
if [[ ${1:-} == --force ]]; then
  force=true
  shift
fi
[[ $# -eq 1 && $1 != -* ]] || {
  usage >&2
  exit 2
}
backup=$(cd "$1" && pwd) || die "no backup at $1"
configure_database
configure_store
store=${SMEK_DOCUMENTS_DIR%/}

refuse() {
  echo "$(basename "$0"): $* (--force restores over it)" >&2
  exit 4
}

# 1. The backup is whole and sound.
[[ -f "$backup/manifest" ]] || die "$backup has no manifest: not a finished backup"
grep -qx "format=$BACKUP_FORMAT" "$backup/manifest" ||
  die "$backup is not in backup format $BACKUP_FORMAT"
(cd "$backup" && sha256sum --check --quiet --strict SHA256SUMS) ||
  die "the dump or the file list in $backup is damaged"
checks=$(mktemp)
trap 'rm -f "$checks"' EXIT
# sha256sum's own format: "<sha256>  <path>", the path from the name.
sha256_lines() {
  awk '{ print $1 "  " substr($1, 1, 2) "/" substr($1, 3, 2) "/" $1 }'
}
sha256_lines <"$backup/blobs.txt" >"$checks"
if [[ -s "$backup/blobs.txt" ]]; then
  (cd "$backup/documents" && sha256sum --check --quiet --strict "$checks") ||
    die "files in $backup/documents are missing or damaged (above)"
fi

# 2. The targets are empty, or --force.
# Nothing is created or written until both are known to be fit.
if [[ -d "$store" ]] && [[ -n $(find "$store" -mindepth 1 ! -path "$store/incoming" -print -quit) ]]; then
  [[ $force == true ]] || refuse "the blob store $store is not empty"
fi
if psql --no-psqlrc --command='select 1' >/dev/null 2>&1; then
  tables=$(psql --no-psqlrc --tuples-only --no-align --command="select count(*) from pg_tables
    where schemaname not in ('pg_catalog', 'information_schema')")
  [[ $tables == 0 || $force == true ]] || refuse "the database $PGDATABASE has $tables tables"
else
  createdb --maintenance-db=postgres "$PGDATABASE"
fi

# 3. The database, in one transaction: all of it or nothing.
options=(--no-owner --no-privileges --exit-on-error --single-transaction)
[[ $force == true ]] && options+=(--clean --if-exists)
pg_restore "${options[@]}" --dbname="$PGDATABASE" "$backup/database.dump"

# 4. The files.
mkdir -p "$store"
cp -R --preserve=timestamps "$backup/documents/." "$store/"

# 5. Every file the restored database refers to is in the store with its SHA-256.
query=
for reference in "${BLOB_REFERENCES[@]}"; do
  table=${reference%%:*}
  columns=${reference#*:}
  for column in ${columns//,/ }; do
    query+="${query:+ union }select $column from $table where $column is not null"
  done
done
psql --no-psqlrc --tuples-only --no-align --command="$query" | sort -u |
  sha256_lines >"$checks"
if [[ -s "$checks" ]]; then
  (cd "$store" && sha256sum --check --quiet --strict "$checks") ||
    die "the restored store lacks files the restored database refers to (above)"
fi
echo "Restored $(grep '^created_at=' "$backup/manifest" | cut -d= -f2) into database" \
  "$PGDATABASE and $store: $(wc -l <"$backup/blobs.txt") files, schema version" \
  "$(grep '^schema_version=' "$backup/manifest" | cut -d= -f2)"
