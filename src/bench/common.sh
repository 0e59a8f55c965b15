# What the benchmarks share (sourced after they set ROOT, WORK, JAR and, where they use them, PLACES and DURATION).

# need COMMAND PACKAGE: installs the Debian package when the command is missing
need() { command -v "$1" >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq "$2" >/dev/null; }; }

# generate_embedded: the generated registry of $PLACES places in the embedded database at $ATHAR_EMBEDDED_DB_DATA_DIR,
# made once per benchmark directory
generate_embedded() {
  if [ ! -f "$WORK/generated-$PLACES" ]; then
    echo "Generating $PLACES places (once)"
    java -jar "$JAR" generate "$PLACES" | tail -1
    touch "$WORK/generated-$PLACES"
  fi
}

# run PORT PATHS CONNECTIONS -> "rps p50 p95 p99 errors non2xx": wrk over the paths listed in a file (paths.lua)
run() {
  PATHS=$2 wrk -t2 -c"$3" -d"$DURATION" -s "$ROOT/src/bench/paths.lua" "http://localhost:$1" 2>&1 \
    | sed -n 's/^RESULT rps=\([0-9]*\) p50=\([0-9.]*\) p95=\([0-9.]*\) p99=\([0-9.]*\) requests=[0-9]* errors=\([0-9]*\) non2xx=\([0-9]*\)/\1 \2 \3 \4 \5 \6/p'
}

# start_nginx ROOT PORT TYPE: the reference, nginx serving the files under ROOT (a directory's index.html for its
# address) as TYPE, logging nothing; it stops when $WORK/nginx.pid's process is killed
start_nginx() {
  cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type "$3";
  server {
    listen 127.0.0.1:$2;
    root $1;
    location / { try_files \$uri \$uri/index.html =404; }
  }
}
CONF
  nginx -c "$WORK/nginx.conf"
}
