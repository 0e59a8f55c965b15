#!/usr/bin/env bash
# The map benchmark: the tiles a map loads (/api/map/{z}/{x}/{y}) over HTTP on a generated registry, rendered from
# the database (page cache off) and from the page cache, against nginx serving the same bytes from disk in the same
# run; the largest tile (the whole world at zoom 0) alone; and the time to count the grid far-out tiles come from.
#
#   src/bench/map.sh [places]        (default 100000; ATHAR_BENCH_DIR, DURATION, CONNECTIONS may be set)
#
# It runs the packaged application (-Xmx256m) on its embedded database in $ATHAR_BENCH_DIR (default
# /tmp/athar-exports, shared with the export benchmark), generating the registry there once. The tiles asked for are
# those a visitor's map shows around 300 located places, at every other zoom level from 2 to 16.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PLACES=${1:-100000}
WORK=${ATHAR_BENCH_DIR:-/tmp/athar-exports}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-8}
APPPORT=8184 NGINXPORT=8185
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
mkdir -p "$WORK"
chmod 755 "$WORK"
. src/bench/common.sh
need wrk wrk
need nginx nginx
need psql postgresql-client
[ -f "$JAR" ] || ./mvnw -B -ntp -q package -DskipTests
export ATHAR_EMBEDDED_DB_DATA_DIR=$WORK/pg

generate_embedded

APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT
start_app() { # $1: page cache on or off
  ATHAR_PAGE_CACHE_ENABLED=$1 QUARKUS_HTTP_PORT=$APPPORT QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
    java -Xmx256m -jar "$JAR" > "$WORK/map-app.log" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null "http://localhost:$APPPORT/q/health"; do sleep 0.1; done
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
row() { printf "| %-26s | %8s | %8s | %8s | %8s | %9s | %7s |\n" "$@"; }

start_app false
# the first far-out tile counts the grid every tile up to zoom 8 is answered from (again after each change)
echo "first far-out tile, counting the grid: $(curl -s -o /dev/null -w "%{time_total}" "http://localhost:$APPPORT/api/map/0/0/0" | awk '{printf "%.0f ms", $1*1000}')"
PGPORT=$(sed -n 4p "$WORK/pg/postmaster.pid")
sql() { PGPASSFILE=$WORK/pg/athar.pgpass psql -h localhost -p "$PGPORT" -U postgres -d postgres -Atq "$@"; }
echo "located places the public sees: $(sql -c "select count(*) from place where athar_public_point(latitude, longitude, location_sensitivity) is not null")"

# the tiles a map shows around sampled places: the tile holding the place and its neighbours, at zooms 2..16
sql -c "select athar_public_point(latitude, longitude, location_sensitivity) from place
        where athar_public_point(latitude, longitude, location_sensitivity) is not null order by md5(slug) limit 300" \
  | python3 -c '
import math, sys
seen = set()
for line in sys.stdin:
    lon, lat = map(float, line.strip().strip("()").split(","))
    for z in range(2, 17, 2):
        n = 2 ** z
        x = int((lon + 180) / 360 * n)
        r = math.radians(lat)
        y = int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
        for dx in (-1, 0, 1):
            t = (z, (x + dx) % n, min(max(y, 0), n - 1))
            if t not in seen:
                seen.add(t)
                print("/api/map/%d/%d/%d" % t)
' > "$WORK/map.paths"
echo "tiles: $(wc -l < "$WORK/map.paths") distinct"

# the bytes nginx serves: every tile as the application answers it
rm -rf "$WORK/www-map" && mkdir -p "$WORK/www-map"
features=0 most=0 bytes=0
while read -r path; do
  mkdir -p "$WORK/www-map$(dirname "$path")"
  curl -sf "http://localhost:$APPPORT$path" > "$WORK/www-map$path"
  n=$(grep -o '"type":"Feature"' "$WORK/www-map$path" | wc -l || true)
  features=$((features + n)); [ "$n" -gt "$most" ] && most=$n
  bytes=$((bytes + $(wc -c < "$WORK/www-map$path")))
done < "$WORK/map.paths"
echo "features per tile: $(echo "scale=1; $features / $(wc -l < "$WORK/map.paths")" | bc) on average, $most at most; $(( bytes / $(wc -l < "$WORK/map.paths") )) bytes on average"

echo
echo "## The whole world (zoom 0, every located place counted), page cache off"
for i in 1 2 3 4 5; do curl -s -o /dev/null -w "%{time_total}\n" "http://localhost:$APPPORT/api/map/0/0/0"; done \
  | sort -n | awk '{t[NR]=$1} END {printf "five requests: fastest %.0f ms, median %.0f ms, slowest %.0f ms\n", t[1]*1000, t[3]*1000, t[5]*1000}'

start_nginx "$WORK/www-map" $NGINXPORT "application/geo+json"

echo
echo "## Tiles over HTTP, $CONNECTIONS connections, $DURATION each, against nginx serving the same bytes"
row "" "req/s" "p50 ms" "p95 ms" "p99 ms" "nginx/s" "ratio"
row "---" "---" "---" "---" "---" "---" "---"
# a minute of warm-up, as a server that has run a while
DURATION=60s run $APPPORT "$WORK/map.paths" "$CONNECTIONS" > /dev/null
read -r nrps np50 np95 np99 nerr nnon < <(run $NGINXPORT "$WORK/map.paths" "$CONNECTIONS")
read -r rps p50 p95 p99 err non < <(run $APPPORT "$WORK/map.paths" "$CONNECTIONS")
row "tiles, page cache off" "$rps" "$p50" "$p95" "$p99" "$nrps" "$(echo "scale=3; $rps / $nrps" | bc)"
[ "$err$non" = "00" ] || echo "  (errors $err, non-2xx $non)"
stop_app
start_app true
DURATION=20s run $APPPORT "$WORK/map.paths" "$CONNECTIONS" > /dev/null
read -r rps p50 p95 p99 err non < <(run $APPPORT "$WORK/map.paths" "$CONNECTIONS")
row "tiles, from the page cache" "$rps" "$p50" "$p95" "$p99" "$nrps" "$(echo "scale=3; $rps / $nrps" | bc)"
[ "$err$non" = "00" ] || echo "  (errors $err, non-2xx $non)"
echo "nginx p50/p95/p99: $np50 / $np95 / $np99 ms"
