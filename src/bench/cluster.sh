# A PostgreSQL cluster of a benchmark's own, in $WORK/pg on port $PGPORT, from Debian's packages (sourced by the
# benchmarks: they set WORK and PGPORT first). start_cluster [settings...] creates it once and (re)starts it;
# stop_cluster stops it.
[ -x /usr/lib/postgresql/15/bin/initdb ] || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq postgresql >/dev/null; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | tail -1)

start_cluster() {
  if [ ! -f "$WORK/pg/PG_VERSION" ]; then
    mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
    runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -A trust -E UTF8 --locale C.UTF-8 >/dev/null
  fi
  # a cluster left running by an interrupted run is stopped first
  stop_cluster
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w \
    -o "-p $PGPORT -k /tmp -c listen_addresses=localhost -c shared_buffers=1GB -c jit=off $*" start >/dev/null
}

stop_cluster() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
}
