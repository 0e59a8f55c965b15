#!/usr/bin/env bash
# Builds the registry for fast starts: one jar of every class (uber-jar), and an archive of the classes a start loads,
# made by a training run that opens a page of each kind. The JVM maps that archive instead of loading and linking
# each class again: with JDK 25 an ahead-of-time cache (JEP 483/515), with JDK 17-24 a dynamic CDS archive. The
# archive only helps when its classes come from the JDK's own class loaders, which is why this is an uber-jar and not
# the usual target/quarkus-app (whose class loader is Quarkus's own).
#
#   src/fast-start/build.sh                 # with the JDK of JAVA_HOME, or java on the PATH
#   target/fast-start/run [command]         # then start it (the same environment as quarkus-run.jar)
#
# The training run uses a throw-away embedded database with the seed; the archive serves any database. An archive is
# for one jar and one JDK: build again after either changes (a mismatch is only ignored, with a warning, and the start
# is as slow as without it). FAST_START_SKIP_BUILD=1 trains again on the jar already built; JAVA_OPTS are the JVM's
# options for the training run and, with run, for every start (train with the heap and collector you will run with).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT=$ROOT/target/fast-start
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PORT=${FAST_START_TRAINING_PORT:-18089}

if [ "${FAST_START_SKIP_BUILD:-}" != 1 ]; then
  ./mvnw -B -q -ntp package -DskipTests -Dquarkus.package.jar.type=uber-jar -Dquarkus.package.output-directory=fast-start
fi
JAR=$(ls "$OUT"/*-runner.jar)

feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "$feature" -ge 25 ]; then
  # Netty and Brotli4j use sun.misc.Unsafe and native libraries, which JDK 25 warns of at every start unless allowed
  flags="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
  archive=$OUT/athar-$feature.aot; record="-XX:AOTCacheOutput=$archive"; use="-XX:AOTCache=$archive"; strict=-XX:AOTMode=on
else
  flags=
  archive=$OUT/athar-$feature.jsa; record="-XX:ArchiveClassesAtExit=$archive"; use="-XX:SharedArchiveFile=$archive"; strict=-Xshare:on
fi
rm -f "$archive"

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
echo "Training run on JDK $feature (embedded database with the seed, port $PORT)"
# start LOG JAVA_ARGS...: starts the jar on the training database and waits for its first page
start() {
  log=$OUT/$1; shift
  ATHAR_EMBEDDED_DB_DATA_DIR=$data/db QUARKUS_HTTP_PORT=$PORT "$JAVA" $flags ${JAVA_OPTS:-} "$@" -jar "$JAR" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 3000); do
    curl -sf -o /dev/null "http://localhost:$PORT/" && return
    kill -0 $pid 2>/dev/null || { tail -20 "$log"; echo "The run stopped before serving a page ($log)"; exit 1; }
    sleep 0.02
  done
  echo "No page after a minute"; kill $pid; exit 1
}
start training.log "$record"
# a page of each kind, a few times over, in both languages and as JSON: what a node serves first
for _ in 1 2 3 4 5; do
  for path in / /sites/palmyra /monuments/temple-of-bel /events/islamic-state-captures-palmyra-2015 /sources/1 \
      /sources /actors '/search?q=temple' '/search?q=tomb&status=DESTROYED' '/api/search?q=temple' /api/monuments \
      /api/sites/palmyra /api/monuments/temple-of-bel /monuments/temple-of-bel/cite; do
    curl -s -o /dev/null "http://localhost:$PORT$path"
    curl -s -o /dev/null -H 'Accept-Language: ar' -H 'Accept-Encoding: gzip' "http://localhost:$PORT$path"
  done
done
kill $pid # the archive is written as the JVM exits
wait $pid || true
[ -s "$archive" ] || { tail -20 "$log"; echo "No archive was written ($log)"; exit 1; }

# a start that must use the archive (it fails if the JVM cannot), timed to its first page
t0=$(date +%s%N)
start check.log $strict "$use"
t1=$(date +%s%N)
kill $pid
wait $pid || true

cat > "$OUT/run" <<RUN
#!/bin/sh
# Starts the registry with its class archive (made by src/fast-start/build.sh for this jar and JDK $feature).
exec "$(command -v "$JAVA")" $flags $use \$JAVA_OPTS -jar "$JAR" "\$@"
RUN
chmod +x "$OUT/run"
echo "Built $JAR and $archive ($(du -m "$archive" | cut -f1) MB): a start with it served its first page" \
  "in $(( (t1 - t0) / 1000000 )) ms. Start it with target/fast-start/run"
