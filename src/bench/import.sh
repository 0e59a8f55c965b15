#!/usr/bin/env bash
# The import benchmark: 1,000,000 generated damage events with their 2,000,000 claims imported from CSV by the
# packaged application (the import command, heap capped at 256 MB), against PostgreSQL's COPY of the same rows into
# the same tables on the same server, in the same run.
#
#   src/bench/import.sh [places]        (default 100000, which makes 10 events a place; ATHAR_BENCH_DIR may be set)
#
# It installs what it needs from Debian (PostgreSQL), runs its own cluster in $ATHAR_BENCH_DIR (default
# /tmp/athar-import), generates a registry once in database "gen" and exports its CSV files from the application.
# Then, in two empty databases: "imp" gets the places, names and sources imported (not timed), then the events and
# claims (timed); "ref" gets the same places, names and sources, then the rows that the import wrote into
# damage_event, damage_event_effect, damage_event_place and claim, by COPY (timed), with the same triggers the import
# has (history on, search rows rebuilt once at the end, as the import does). The import also checks every row and
# computes every event's reading (Java); the reference does neither.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PLACES=${1:-100000}
WORK=${ATHAR_BENCH_DIR:-/tmp/athar-import}
PGPORT=55433 APPPORT=8184
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
mkdir -p "$WORK" && chmod 755 "$WORK"

. src/bench/common.sh
need /usr/bin/time time
. src/bench/cluster.sh
[ -f "$JAR" ] || ./mvnw -B -ntp -q package -DskipTests

APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  stop_cluster
}
trap cleanup EXIT
start_cluster -c max_wal_size=8GB
psql() { command psql -h localhost -p $PGPORT -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
url() { echo "jdbc:postgresql://localhost:$PGPORT/$1?user=postgres"; }
fresh() { psql -d postgres -c "drop database if exists $1" -c "create database $1"; }
athar() { local db=$1; shift; QUARKUS_DATASOURCE_JDBC_URL=$(url "$db") java -Xmx256m -jar "$JAR" "$@"; }

# ---- the files: a generated registry, exported once ----------------------------------------------------------------
if [ ! -f "$WORK/claims.csv" ]; then
  fresh gen
  echo "Generating $PLACES places and exporting them (once)"
  athar gen generate "$PLACES" | tail -1
  QUARKUS_DATASOURCE_JDBC_URL=$(url gen) QUARKUS_HTTP_PORT=$APPPORT QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
    java -Xmx256m -jar "$JAR" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null "http://localhost:$APPPORT/q/health"; do sleep 0.2; done
  for f in places names sources events claims; do curl -sf -o "$WORK/$f.csv" "http://localhost:$APPPORT/api/export/$f.csv"; done
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
fi
events=$(($(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline='', encoding='utf-8'))))" "$WORK/events.csv") - 1))
claims=$(($(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline='', encoding='utf-8'))))" "$WORK/claims.csv") - 1))

# ---- the import --------------------------------------------------------------------------------------------------
for db in imp ref; do
  fresh $db
  athar $db import "$WORK/places.csv" "$WORK/names.csv" "$WORK/sources.csv" > /dev/null
done
echo "Importing $events events and $claims claims"
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$WORK/import.rss" bash -c "QUARKUS_DATASOURCE_JDBC_URL='$(url imp)' java -Xmx256m -jar '$JAR' import '$WORK/events.csv' '$WORK/claims.csv'" \
  2> >(grep -v '^checked' >&2) | tee "$WORK/import.out"
import=$(echo "$(date +%s.%N) - $start" | bc)

# ---- the reference: the same rows by COPY, same triggers ---------------------------------------------------------
for table in damage_event damage_event_effect damage_event_place claim; do
  cols=$(psql -d imp -c "select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
                          where table_name = '$table' and is_generated = 'NEVER' and table_schema = 'public'")
  echo "$cols" > "$WORK/$table.cols"
  psql -d imp -c "copy (select $cols from $table) to stdout" > "$WORK/$table.copy"
done
start=$(date +%s.%N)
{
  echo "begin;"
  echo "select set_config('athar.actor', 'benchmark reference', true), set_config('athar.search_deferred', 'on', true);"
  for table in damage_event damage_event_effect damage_event_place claim; do
    echo "\\copy $table ($(cat "$WORK/$table.cols")) from '$WORK/$table.copy'"
  done
  echo "select set_config('athar.search_deferred', 'off', true);"
  echo "select refresh_place_search(array(select id from place));"
  echo "commit;"
} | psql -d ref > /dev/null
reference=$(echo "$(date +%s.%N) - $start" | bc)

rows=$((events + claims))
printf "\n%-34s %12s %10s %12s\n" "" rows seconds rows/s
printf "%-34s %12d %10.1f %12.0f\n" "import (check, write, readings)" "$rows" "$import" "$(echo "$rows / $import" | bc -l)"
printf "%-34s %12d %10.1f %12.0f\n" "COPY of the same rows (reference)" "$rows" "$reference" "$(echo "$rows / $reference" | bc -l)"
printf "ratio import/COPY: %.2f; import's peak resident memory: %d MB (heap capped at 256 MB)\n" \
  "$(echo "$reference / $import" | bc -l)" "$(( $(cat "$WORK/import.rss") / 1024 ))"
