#!/usr/bin/env bash
# The page benchmark: public pages and search over HTTP on a generated registry, against nginx serving the same
# bytes from disk in the same run, and the time from start to first page.
#
#   src/bench/pages.sh [places]        (default 100000; ATHAR_BENCH_DIR, DURATION, CONNECTIONS, GC may be set)
#
# It installs what it needs from Debian (wrk, nginx, PostgreSQL), runs its own PostgreSQL cluster in
# $ATHAR_BENCH_DIR (default /tmp/athar-bench) as the "external" database, generates the registry there once, and runs
# the packaged application with -Xmx256m and the collector the README recommends for small nodes (GC=Parallel; GC=G1
# is the JVM's own choice on 2 cores). Everything listens on loopback and stops at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PLACES=${1:-100000}
WORK=${ATHAR_BENCH_DIR:-/tmp/athar-bench}
DURATION=${DURATION:-15s}
PGPORT=55432 APPPORT=8181 NGINXPORT=8182
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
URL="jdbc:postgresql://localhost:$PGPORT/athar?user=postgres"
JVM=(-Xmx256m "-XX:+Use${GC:-Parallel}GC")
mkdir -p "$WORK"
chmod 755 "$WORK"

. src/bench/common.sh
need wrk wrk
need nginx nginx
. src/bench/cluster.sh
[ -f "$JAR" ] || ./mvnw -B -ntp -q package -DskipTests

APP_PID= NGINX_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  stop_cluster
}
trap cleanup EXIT

# ---- the database: a PostgreSQL cluster of its own, generated once -----------------------------------------------
start_cluster -c max_connections=100 -c max_wal_size=4GB
psql() { command psql -h localhost -p $PGPORT -U postgres -d athar -Atq "$@"; }
command psql -h localhost -p $PGPORT -U postgres -d postgres -Atqc "select 1 from pg_database where datname = 'athar'" | grep -q 1 \
  || command psql -h localhost -p $PGPORT -U postgres -d postgres -qc "create database athar"
if [ ! -f "$WORK/generated-$PLACES" ]; then
  echo "Generating $PLACES places (once)"
  QUARKUS_DATASOURCE_JDBC_URL=$URL java -jar "$JAR" generate "$PLACES" | tail -1
  touch "$WORK/generated-$PLACES"
fi

# ---- the pages: a sample of each kind ------------------------------------------------------------------------------
psql -c "select '/monuments/' || slug from place where level = 'MONUMENT' order by md5(slug) limit 600" > "$WORK/monument.paths"
psql -c "select '/sites/' || slug from place where level = 'SITE' order by md5(slug) limit 300" > "$WORK/site.paths"
psql -c "select '/sources/' || id from source order by md5(id::text) limit 600" > "$WORK/source.paths"
echo "/" > "$WORK/home.paths"
# search over HTTP: broad one-word queries (thousands of matches), with as-of and a filter, and names
{
  for w in temple tomb arch theatre shrine citadel museum colonnade %D9%85%D8%B9%D8%A8%D8%AF %D8%A8%D8%B1%D8%AC; do
    echo "/api/search?q=$w"; echo "/api/search?q=$w&asOf=2015-09-01"; echo "/api/search?q=$w&status=DESTROYED"
  done
} > "$WORK/search-broad.paths"
psql -c "select '/api/search?q=' || replace(name, ' ', '+') from place_name where language = 'en' and name_type = 'DESIGNATION' order by md5(name) limit 300" \
  > "$WORK/search-name.paths"

# nginx below runs with access_log off, and so does the application unless ACCESS_LOG=true: a line per request to the
# console costs the application about 40% of its cached throughput on 2 cores
start_app() { # $1: page cache on or off
  ATHAR_PAGE_CACHE_ENABLED=$1 QUARKUS_DATASOURCE_JDBC_URL=$URL QUARKUS_HTTP_PORT=$APPPORT \
    QUARKUS_HTTP_ACCESS_LOG_ENABLED=${ACCESS_LOG:-false} \
    java "${JVM[@]}" -jar "$JAR" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null "http://localhost:$APPPORT/"; do sleep 0.01; done
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

row() { printf "| %-22s | %5s | %8s | %8s | %8s | %9s | %9s | %6s |\n" "$@"; }

# pending migrations are applied once here, so that the starts below find the database migrated
start_app false && stop_app

echo
echo "## Start to first page (${JVM[*]})"
# starts NAME ENV... -- COMMAND...: three starts, each timed from launch to the first page served
starts() {
  local name=$1 env=() times=(); shift
  while [ "$1" != -- ]; do env+=("$1"); shift; done; shift
  for i in 1 2 3; do
    t0=$(date +%s%N)
    env "${env[@]}" QUARKUS_HTTP_PORT=$APPPORT JAVA_OPTS="${JVM[*]}" "$@" > "$WORK/start.log" 2>&1 &
    APP_PID=$!
    until curl -sf -o /dev/null "http://localhost:$APPPORT/"; do sleep 0.005; done
    t1=$(date +%s%N)
    stop_app
    times+=($(( (t1 - t0) / 1000000 )))
  done
  echo "$name: ${times[*]} ms"
}
external=(QUARKUS_DATASOURCE_JDBC_URL=$URL)
embedded=(ATHAR_EMBEDDED_DB_DATA_DIR=$WORK/embedded)
starts "external database" "${external[@]}" -- java "${JVM[@]}" -jar "$JAR"
starts "embedded database (the first start of a new data directory also seeds it)" "${embedded[@]}" -- java "${JVM[@]}" -jar "$JAR"
# the fast start (src/fast-start/build.sh): an uber-jar and the archive of the classes a training run loaded, with
# JDK 17's dynamic CDS and, when that JDK is here, JDK 25's ahead-of-time cache
JDK25=$(ls -d /usr/lib/jvm/*-25-* 2>/dev/null | head -1)
skip=
for jdk in "" ${JDK25:+"$JDK25"}; do
  JAVA_OPTS="${JVM[*]}" JAVA_HOME=$jdk FAST_START_SKIP_BUILD=$skip src/fast-start/build.sh | tail -1 | sed 's/^/  /'
  skip=1
  label="fast start, JDK $("${jdk:+$jdk/bin/}java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  starts "external database, $label" "${external[@]}" -- target/fast-start/run
  starts "embedded database, $label" "${embedded[@]}" -- target/fast-start/run
done

echo
echo "## Pages with the cache off (every request rendered from the database), and search over HTTP"
start_app false
# warm-up: three minutes of every kind, as a server that has run a while. The JIT is still compiling the
# application's code after a minute (C2 busy a third of a core); after three it has settled.
cat "$WORK"/{monument,site,source,home,search-broad,search-name}.paths > "$WORK/all.paths"
DURATION=${WARMUP:-180s} run $APPPORT "$WORK/all.paths" 8 > /dev/null
row kind connections "p50 ms" "p95 ms" "p99 ms" "req/s" "nginx/s" ratio
row --- --- --- --- --- --- --- ---
for c in ${CONNECTIONS:-8 32}; do
  for kind in monument site source home search-broad search-name; do
    read -r rps p50 p95 p99 err non <<<"$(run $APPPORT "$WORK/$kind.paths" "$c")"
    row "$kind (uncached)" "$c" "$p50" "$p95" "$p99" "$rps" "" ""
    [ "$err$non" = "00" ] || echo "  ($kind: $err socket errors, $non non-2xx answers)"
  done
done
stop_app

echo
echo "## Pages with the cache warm, against nginx serving the same bytes from disk"
start_app true
DURATION=30s run $APPPORT "$WORK/all.paths" 8 > /dev/null # the JIT again, and every page stored
rm -rf "$WORK/www" && mkdir -p "$WORK/www"
for kind in monument site source home; do
  while read -r path; do
    file="$WORK/www${path}"; [ "$path" = / ] && file="$WORK/www/index.html"
    mkdir -p "$(dirname "$file")"
    curl -sf -o "$file" "http://localhost:$APPPORT$path"
  done < "$WORK/$kind.paths"
done
start_nginx "$WORK/www" $NGINXPORT "text/html; charset=UTF-8"
row kind connections "p50 ms" "p95 ms" "p99 ms" "req/s" "nginx/s" ratio
row --- --- --- --- --- --- --- ---
for c in ${CONNECTIONS:-8 32}; do
  for kind in monument site source home; do
    read -r rps p50 p95 p99 err non <<<"$(run $APPPORT "$WORK/$kind.paths" "$c")"
    read -r nrps np50 np95 np99 nerr nnon <<<"$(run $NGINXPORT "$WORK/$kind.paths" "$c")"
    row "$kind (cached)" "$c" "$p50" "$p95" "$p99" "$rps" "$nrps" "$(awk "BEGIN { printf \"%.2f\", $rps / $nrps }")"
    [ "$err$non$nerr$nnon" = "0000" ] || echo "  ($kind: errors app $err/$non, nginx $nerr/$nnon)"
  done
done
# search answers are cached like pages (anonymous GETs, dropped when the registry changes): broad words are few and
# asked often, so this is what most searches for them cost; there is no file for nginx to serve here
for c in ${CONNECTIONS:-8 32}; do
  read -r rps p50 p95 p99 err non <<<"$(run $APPPORT "$WORK/search-broad.paths" "$c")"
  row "search-broad (cached)" "$c" "$p50" "$p95" "$p99" "$rps" "" ""
done
echo
echo "nginx p50/p95/p99 of the last run: $np50 / $np95 / $np99 ms"
