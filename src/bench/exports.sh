#!/usr/bin/env bash
# The export benchmark: every CSV export and the GeoJSON export of a generated registry, downloaded over HTTP from
# the packaged application running with its heap capped at 256 MB, against PostgreSQL's own COPY of the same tables
# to CSV in the same run (the reference: what the database alone takes to write those rows).
#
#   src/bench/exports.sh [places]      (default 100000; ATHAR_BENCH_DIR may be set)
#
# The public dump (dump.zip) is measured the same way, against COPY of every table it holds.
#
# It runs the application on its embedded database in $ATHAR_BENCH_DIR (default /tmp/athar-exports), generating the
# registry there once. Reports, per export: rows, bytes, seconds, rows per second, the COPY reference's seconds and
# the ratio, and the application's peak resident memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PLACES=${1:-100000}
WORK=${ATHAR_BENCH_DIR:-/tmp/athar-exports}
PORT=8183
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
mkdir -p "$WORK"
. src/bench/common.sh
need psql postgresql-client
[ -f "$JAR" ] || ./mvnw -B -ntp -q package -DskipTests
export ATHAR_EMBEDDED_DB_DATA_DIR=$WORK/pg

generate_embedded

APP_PID=
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; }
trap cleanup EXIT
QUARKUS_HTTP_PORT=$PORT QUARKUS_HTTP_ACCESS_LOG_ENABLED=false java -Xmx256m -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -sf -o /dev/null "http://localhost:$PORT/q/health"; do sleep 0.2; done
# the embedded server's port (line 4 of postmaster.pid) and password file, for the reference
PGPORT=$(sed -n 4p "$WORK/pg/postmaster.pid")
sql() { PGPASSFILE=$WORK/pg/athar.pgpass psql -h localhost -p "$PGPORT" -U postgres -d postgres -Atq "$@"; }

# the reference: the database writing each table (the rows the export reads most) as CSV, no application involved
declare -A TABLE=([places]=place [names]=place_name [events]=damage_event [sources]=source [claims]=claim [status]=status_assessment)

printf "%-15s %10s %12s %8s %10s %10s %7s\n" export rows bytes seconds rows/s "COPY s" ratio
for file in places.csv names.csv events.csv sources.csv claims.csv status.csv places.geojson; do
  name=${file%.*}
  start=$(date +%s.%N)
  bytes=$(curl -sf "http://localhost:$PORT/api/export/$file" | tee "$WORK/$file" | wc -c)
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  if [ "$file" = places.geojson ]; then
    rows=$(grep -o '"type":"Feature"' "$WORK/$file" | wc -l)
  else
    rows=$(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline='', encoding='utf-8'))) - 1)" "$WORK/$file")
  fi
  start=$(date +%s.%N)
  sql -c "copy ${TABLE[$name]} to stdout with (format csv, header)" > /dev/null
  copy=$(echo "$(date +%s.%N) - $start" | bc)
  printf "%-15s %10d %12d %8.2f %10.0f %10.2f %7.2f\n" "$file" "$rows" "$bytes" "$seconds" "$(echo "$rows / $seconds" | bc -l)" \
    "$copy" "$(echo "$copy / $seconds" | bc -l)"
done
# the public dump: every published table and the history, zipped, against COPY of the same tables
start=$(date +%s.%N)
bytes=$(curl -sf "http://localhost:$PORT/api/export/dump.zip" | tee "$WORK/dump.zip" | wc -c)
seconds=$(echo "$(date +%s.%N) - $start" | bc)
rows=$(unzip -p "$WORK/dump.zip" rows.json | python3 -c "import json,sys; print(sum(json.load(sys.stdin).values()))")
start=$(date +%s.%N)
for table in $(unzip -p "$WORK/dump.zip" rows.json | python3 -c "import json,sys; print(' '.join(json.load(sys.stdin)))"); do
  sql -c "copy $table to stdout" > /dev/null
done
copy=$(echo "$(date +%s.%N) - $start" | bc)
printf "%-15s %10d %12d %8.2f %10.0f %10.2f %7.2f\n" dump.zip "$rows" "$bytes" "$seconds" "$(echo "$rows / $seconds" | bc -l)" \
  "$copy" "$(echo "$copy / $seconds" | bc -l)"
echo "application peak resident memory: $(grep VmHWM /proc/$APP_PID/status | awk '{print $2/1024 " MB"}') (heap capped at 256 MB)"
