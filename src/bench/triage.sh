#!/usr/bin/env bash
# The triage benchmark: POST /api/triage with each of the five seed articles (../shared/seeds), as a signed-in
# curator, on the generated registry of [places] places and, as the reference in the same run, on a registry holding
# only the seed: what the registry's size costs the matching of names, actors and events.
#
#   src/bench/triage.sh [places] [rounds]     (default 100000 places, 20 rounds; ATHAR_BENCH_DIR may be set)
#
# It runs the packaged application (-Xmx256m) on embedded databases: the generated one in $ATHAR_BENCH_DIR (default
# /tmp/athar-exports, shared with the other benchmarks; an administrator is created there for the run) and a fresh
# seed-only one in a temporary folder. Each round posts the five articles once; the table gives per article the
# median and the slowest time over the rounds (curl's time_total, the connection kept warm by the rounds before).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PLACES=${1:-100000}
ROUNDS=${2:-20}
WORK=${ATHAR_BENCH_DIR:-/tmp/athar-exports}
SEEDS=${ATHAR_SEED_TEXTS:-$ROOT/../shared/seeds}
PORT=8186
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
mkdir -p "$WORK"
chmod 755 "$WORK"
. src/bench/common.sh
need psql postgresql-client
[ -f "$JAR" ] || ./mvnw -B -ntp -q package -DskipTests
SMALL=$(mktemp -d)
APP_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$SMALL"
}
trap cleanup EXIT
export ATHAR_ADMIN_USERNAME=bench-admin ATHAR_ADMIN_PASSWORD=bench-password-for-triage

start_app() { # $1: the embedded database's folder
  ATHAR_EMBEDDED_DB_DATA_DIR=$1 ATHAR_PAGE_CACHE_ENABLED=false QUARKUS_HTTP_PORT=$PORT \
    QUARKUS_HTTP_ACCESS_LOG_ENABLED=false java -Xmx256m -jar "$JAR" > "$WORK/triage-app.log" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/q/health"; do sleep 0.2; done
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }
token() { sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -1; }

# measure LABEL: signs in, posts every article ROUNDS times, prints one table row per article
measure() {
  local jar=$SMALL/cookies
  rm -f "$jar"
  local t
  t=$(curl -s -c "$jar" -b "$jar" "http://localhost:$PORT/login" | token)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf-token=$t" --data-urlencode "username=$ATHAR_ADMIN_USERNAME" \
    --data-urlencode "password=$ATHAR_ADMIN_PASSWORD" "http://localhost:$PORT/login"
  t=$(curl -s -c "$jar" -b "$jar" "http://localhost:$PORT/curate/triage" | token)
  for f in "$SEEDS"/0*.txt; do
    python3 -c 'import json,sys; print(json.dumps({"text": open(sys.argv[1]).read(), "publishedOn": "2016-03-24"}))' "$f" \
      > "$SMALL/body.json"
    for i in $(seq "$ROUNDS"); do
      curl -s -o "$SMALL/answer-$1-$(basename "$f").json" -w "%{http_code} %{time_total}\n" -b "$jar" -H "Content-Type: application/json" \
        -H "X-CSRF-TOKEN: $t" --data-binary @"$SMALL/body.json" "http://localhost:$PORT/api/triage"
    done | python3 -c '
import sys, statistics
label, name, answer = sys.argv[1], sys.argv[2], sys.argv[3]
rows = [l.split() for l in sys.stdin]
bad = [r for r in rows if r[0] != "200"]
times = sorted(float(r[1]) * 1000 for r in rows)
import json
a = json.load(open(answer))
print("| %-22s | %-30s | %5d | %6d | %9.1f | %8.1f | %6d |" % (label, name, len(a["mentions"]), len(a["proposals"]),
      statistics.median(times), times[-1], len(bad)))' "$1" "$(basename "$f")" "$SMALL/answer-$1-$(basename "$f").json"
  done
}

echo "registries: seed = the seed alone; generated = $PLACES generated places beside the seed"
echo "| registry               | article                        | names | claims | median ms | slowest ms | errors |"
echo "|---|---|---|---|---|---|---|"
start_app "$SMALL/pg"
measure "seed"
stop_app
export ATHAR_EMBEDDED_DB_DATA_DIR=$WORK/pg
generate_embedded
# the generated registry beside the current seed (loading it again changes only what the seed files changed)
java -jar "$JAR" load-seed > "$WORK/triage-seed.log" 2>&1
# the benchmark signs in as its own administrator, created at start when the registry has none: other
# administrators of this benchmark registry (left by earlier runs) become curators for it
start_app "$WORK/pg"
PGPORT=$(sed -n 4p "$WORK/pg/postmaster.pid")
PGPASSFILE=$WORK/pg/athar.pgpass psql -h localhost -p "$PGPORT" -U postgres -d postgres -Atq \
  -c "update account set role = 'CURATOR' where role = 'ADMIN' and username <> '$ATHAR_ADMIN_USERNAME'"
stop_app
start_app "$WORK/pg"
measure "generated"
stop_app
# the same article must be read the same on both registries: the generated places may not add or take mentions
python3 - "$SMALL" <<'PY'
import json, sys, glob, os
folder = sys.argv[1]
for small in sorted(glob.glob(folder + "/answer-seed-*.json")):
    big = small.replace("answer-seed-", "answer-generated-")
    def mentions(path):
        return {(m["start"], m["place"]) for m in json.load(open(path))["mentions"]}
    a, b = mentions(small), mentions(big)
    print("%s: %d mentions on the seed-only registry, %d on the generated one, %d differ"
          % (os.path.basename(small)[12:], len(a), len(b), len(a ^ b)))
PY
