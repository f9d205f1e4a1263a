# Shared by backup.sh and restore.sh (sourced, not run): where the database and the blob store are,
# read from the same environment variables as the server's, and what in the database refers to blobs.

# The columns whose values name blobs in the store (SHA-256, lower-case hex). Must list every column
# that the orphan clean-up keeps (DocumentService.referencedBlobs): a feature that stores files in
# the blob store adds its columns here, as table:column,column.
BLOB_REFERENCES=(
  "document_version:sha256,thumbnail_sha256"
)

# The marker that holds the server's orphan clean-up back while a backup copies blobs
# (BlobStore.BACKUP_MARKER); it lapses an hour after it was last touched.
BACKUP_MARKER=backup-in-progress

BACKUP_FORMAT=1

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# Sets the libpq variables from the server's: SMEK_DB_URL (jdbc:postgresql://host[:port]/database[?…]),
# SMEK_DB_USER and SMEK_DB_PASSWORD. Without SMEK_DB_URL the PG* variables are used as libpq reads them.
configure_database() {
  if [[ -n "${SMEK_DB_URL:-}" ]]; then
    local pattern='^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+)(\?.*)?$'
    [[ "$SMEK_DB_URL" =~ $pattern ]] ||
      die "SMEK_DB_URL is not a jdbc:postgresql://host[:port]/database URL: $SMEK_DB_URL"
    export PGHOST="${BASH_REMATCH[1]}"
    export PGPORT="${BASH_REMATCH[3]:-5432}"
    export PGDATABASE="${BASH_REMATCH[4]}"
  fi
  [[ -n "${SMEK_DB_USER:-}" ]] && export PGUSER="$SMEK_DB_USER"
  [[ -n "${SMEK_DB_PASSWORD:-}" ]] && export PGPASSWORD="$SMEK_DB_PASSWORD"
  [[ -n "${PGDATABASE:-}" ]] || die "set SMEK_DB_URL (or PGDATABASE) to name the database"
  return 0
}

configure_store() {
  [[ -n "${SMEK_DOCUMENTS_DIR:-}" ]] ||
    die "set SMEK_DOCUMENTS_DIR to the blob store, as for the server"
  return 0
}

# Where a blob lies below a store or backup directory: ab/cd/abcd….
blob_path() {
  echo "${1:0:2}/${1:2:2}/$1"
}

# Prints the blob names that a custom-format dump refers to, one a line, sorted and unique. Reads the
# COPY data of the dump itself, so the list is exactly the dump's snapshot.
referenced_blobs() {
  local dump=$1 reference table columns
  for reference in "${BLOB_REFERENCES[@]}"; do
    table=${reference%%:*}
    columns=${reference#*:}
    pg_restore --data-only --table="$table" --file=- "$dump" |
      awk -v wanted="$columns" '
        /^COPY / {
          # COPY public.t (a, b, c) FROM stdin;  ->  the positions of the wanted columns
          header = $0
          sub(/^[^(]*\(/, "", header)
          sub(/\).*$/, "", header)
          n = split(header, names, /, /)
          split(wanted, want, /,/)
          delete positions
          for (i = 1; i <= n; i++) for (w in want) if (names[i] == want[w]) positions[i] = 1
          copying = 1
          next
        }
        copying && $0 == "\\." { copying = 0; next }
        copying {
          split($0, fields, "\t")
          for (p in positions) if (fields[p] != "\\N") print fields[p]
        }'
  done | sort -u
}
