#!/usr/bin/env bash
# Odoo as deployed at scale, on one machine: a PostgreSQL primary and its
# streaming replica, each a cluster of its own beside the development one, a
# database with odoo_iso10002 and its demo data, and Odoo's prefork server
# (workers, 2 cron threads) sending read-only requests to the replica.
# Runs in the background; `scripts/scale_demo.sh stop` (make scale-demo-stop)
# stops Odoo, then the replica, then the primary. A second run reuses all.
#   SCALE_WORKERS=4             HTTP worker processes
#   SCALE_HTTP_PORT=8169        Odoo's port (SCALE_GEVENT_PORT=8170: longpolling)
#   SCALE_PG_PORT=5434          the primary cluster's port (SCALE_REPLICA_PORT=5435)
#   ISO10002_SCALE_DB=iso10002_scale  the database
# Needs root on Debian (pg_createcluster, pg_ctlcluster).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="${ISO10002_SCALE_DB:-iso10002_scale}"
WORKERS="${SCALE_WORKERS:-4}"
HTTP_PORT="${SCALE_HTTP_PORT:-8169}"
GEVENT_PORT="${SCALE_GEVENT_PORT:-8170}"
PG_PORT="${SCALE_PG_PORT:-5434}"
REPLICA_PORT="${SCALE_REPLICA_PORT:-5435}"
PRIMARY=scale_primary
REPLICA=scale_replica
SOCKET=/var/run/postgresql
BIN="$ROOT/.venv/bin"
CONF="$ROOT/.odoo/odoo.conf"
VAR="$ROOT/.odoo/scale"
PIDFILE="$VAR/odoo.pid"
LOG="$VAR/odoo.log"
ME="$(id -un)"

say() { printf '\033[1m[scale-demo]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[scale-demo] %s\033[0m\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root: it creates and starts PostgreSQL clusters (pg_createcluster)"
command -v pg_createcluster >/dev/null || die "pg_createcluster missing: Debian's postgresql-common is needed"
[ -x "$BIN/odoo" ] && [ -f "$CONF" ] || die "not set up: run make scale-demo (or make setup first)"
[[ "$WORKERS" =~ ^[1-9][0-9]*$ ]] || die "SCALE_WORKERS must be a number of workers, 1 or more"
PG_VERSION="$(pg_lsclusters -h | awk '{print $1}' | sort -n | tail -n 1)"
[ -n "$PG_VERSION" ] || die "no PostgreSQL cluster found to take the version from"

as_postgres() { su postgres -c "$*"; }
# whether the URL answers without error (the virtualenv's Python: no curl needed)
answers() { "$BIN/python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' "$1" 2>/dev/null; }
# "online", "online,recovery" (a standby), "down", or nothing when absent
cluster_status() { pg_lsclusters -h "$PG_VERSION" "$1" 2>/dev/null | awk '{print $4}'; }
cluster_online() { [[ "$(cluster_status "$1")" == online* ]]; }
odoo_pid() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && cat "$PIDFILE"; }

stop() {
    local pid
    if pid=$(odoo_pid); then
        say "stopping Odoo (pid $pid)"
        kill -TERM "$pid"
        # the workers finish their requests first
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -0 "$pid" 2>/dev/null && die "Odoo (pid $pid) did not stop within 60 s"
    fi
    rm -f "$PIDFILE"
    for cluster in "$REPLICA" "$PRIMARY"; do
        if cluster_online "$cluster"; then
            say "stopping PostgreSQL cluster $PG_VERSION/$cluster"
            pg_ctlcluster "$PG_VERSION" "$cluster" stop -m fast
        fi
    done
    say "stopped"
}

# The settings both clusters share: statistics per statement for make load,
# and what streaming replication needs (PostgreSQL's defaults, made explicit).
cluster_settings() {
    cat >"/etc/postgresql/$PG_VERSION/$1/conf.d/scale.conf" <<EOF
# written by odoo_iso10002's scripts/scale_demo.sh
listen_addresses = ''
max_connections = 200
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
wal_level = replica
max_wal_senders = 10
hot_standby = on
EOF
    chown postgres: "/etc/postgresql/$PG_VERSION/$1/conf.d/scale.conf"
}

start_cluster() {
    cluster_online "$1" && return
    say "starting PostgreSQL cluster $PG_VERSION/$1"
    pg_ctlcluster "$PG_VERSION" "$1" start
    for _ in $(seq 30); do pg_isready -q -h "$SOCKET" -p "$2" && return; sleep 1; done
    die "cluster $PG_VERSION/$1 does not answer on port $2"
}

primary() {
    if [ -z "$(cluster_status "$PRIMARY")" ]; then
        say "creating the primary cluster $PG_VERSION/$PRIMARY on port $PG_PORT"
        pg_createcluster "$PG_VERSION" "$PRIMARY" --port "$PG_PORT" >/dev/null
    fi
    cluster_settings "$PRIMARY"
    start_cluster "$PRIMARY" "$PG_PORT"
    # The role Odoo connects with: no superuser, but allowed to read the
    # statistics make load reports (and, in the database, to reset them).
    as_postgres "psql -p $PG_PORT -qAt" >/dev/null <<SQL
SET client_min_messages = warning;
SELECT 'CREATE ROLE "$ME" LOGIN CREATEDB'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ME') \gexec
GRANT pg_read_all_stats TO "$ME";
SQL
}

database() {
    local installed
    installed=$(psql -h "$SOCKET" -p "$PG_PORT" -d "$DB" -Atqc "select 1 from ir_module_module
        where name = 'odoo_iso10002' and state = 'installed'" 2>/dev/null || true)
    local odoo=("$BIN/odoo" -c "$CONF" --db_host="$SOCKET" --db_port="$PG_PORT" -d "$DB"
        --stop-after-init --log-level=warn --logfile="$VAR/install.log")
    : >"$VAR/install.log"
    if [ "$installed" = 1 ]; then
        say "updating odoo_iso10002 in database $DB"
        "${odoo[@]}" -u odoo_iso10002 || { tail -n 40 "$VAR/install.log"; die "update failed"; }
    else
        say "creating database $DB with odoo_iso10002 and its demo data (a few minutes)"
        dropdb -h "$SOCKET" -p "$PG_PORT" --if-exists "$DB"
        "${odoo[@]}" -i odoo_iso10002 || { tail -n 40 "$VAR/install.log"; die "installation failed"; }
    fi
    as_postgres "psql -p $PG_PORT -d $DB -qAt" >/dev/null <<SQL
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
GRANT EXECUTE ON FUNCTION pg_stat_reset() TO "$ME";
GRANT EXECUTE ON FUNCTION pg_stat_statements_reset(oid, oid, bigint) TO "$ME";
SQL
}

replica() {
    if [ -z "$(cluster_status "$REPLICA")" ]; then
        say "creating the replica cluster $PG_VERSION/$REPLICA on port $REPLICA_PORT (pg_basebackup)"
        pg_createcluster "$PG_VERSION" "$REPLICA" --port "$REPLICA_PORT" >/dev/null
        local data="/var/lib/postgresql/$PG_VERSION/$REPLICA"
        # its own configuration stays in /etc; the data is the primary's copy,
        # -R makes it a standby that streams from the primary
        rm -rf "$data"
        as_postgres "pg_basebackup -h $SOCKET -p $PG_PORT -D $data -R -X stream -c fast"
    fi
    cluster_settings "$REPLICA"
    start_cluster "$REPLICA" "$REPLICA_PORT"
    [ "$(psql -h "$SOCKET" -p "$REPLICA_PORT" -d postgres -Atqc 'select pg_is_in_recovery()')" = t ] \
        || die "cluster $PG_VERSION/$REPLICA is not a standby: drop it (pg_dropcluster --stop $PG_VERSION $REPLICA) and run again"
}

odoo() {
    local pid
    if pid=$(odoo_pid); then
        say "Odoo is already running (pid $pid)"
        return
    fi
    say "starting Odoo: $WORKERS workers, 2 cron threads, replica on port $REPLICA_PORT"
    # ODOO_NOTIFY_CRON_CHANGES: a trigger created for now wakes the cron
    # threads at once, as Odoo's own _trigger() does.
    ODOO_NOTIFY_CRON_CHANGES=1 nohup "$BIN/odoo" -c "$CONF" -d "$DB" --db-filter="^$DB\$" \
        --db_host="$SOCKET" --db_port="$PG_PORT" \
        --db_replica_host="$SOCKET" --db_replica_port="$REPLICA_PORT" \
        --workers="$WORKERS" --max-cron-threads=2 --db_maxconn=16 \
        --limit-time-cpu=60 --limit-time-real=120 --limit-time-real-cron=900 \
        --limit-memory-soft=$((2048 * 1024 * 1024)) --limit-memory-hard=$((2560 * 1024 * 1024)) \
        --http-port="$HTTP_PORT" --gevent-port="$GEVENT_PORT" \
        --pidfile="$PIDFILE" --logfile="$LOG" --log-level=warn >/dev/null 2>&1 &
    for _ in $(seq 60); do
        answers "http://127.0.0.1:$HTTP_PORT/web/login" && return
        sleep 1
    done
    tail -n 40 "$LOG"
    die "Odoo does not answer on port $HTTP_PORT (log: $LOG)"
}

mkdir -p "$VAR"
if [ "${1:-}" = stop ]; then
    stop
    exit
fi
primary
database
replica
odoo
say "Odoo runs on http://localhost:$HTTP_PORT (database $DB, log $LOG). Log in as"
say "  admin / admin   complaint manager;  demo / demo   handler;  laura / laura   portal customer"
say "make load runs a bounded load against it; make scale-demo-stop stops it"
