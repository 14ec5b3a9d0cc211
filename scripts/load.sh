#!/usr/bin/env bash
# A bounded load run against `make scale-demo` (scripts/load/, python -m
# scripts.load): LOAD_SECONDS (default 90, at most 90) of concurrent form
# submissions, handlers, portal customers, managers and cron runs, then the
# checks that nothing was lost; the report goes to docs/load.md. It takes the
# scale demo's settings (ISO10002_SCALE_DB, SCALE_HTTP_PORT, SCALE_PG_PORT,
# SCALE_REPLICA_PORT, SCALE_WORKERS) and fails when a check fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${SCALE_HTTP_PORT:-8169}"

.venv/bin/python -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' \
    "http://127.0.0.1:$PORT/web/login" 2>/dev/null || { echo "[load] no Odoo on port $PORT: run make scale-demo first" >&2; exit 1; }
exec .venv/bin/python -m scripts.load \
    --url "http://127.0.0.1:$PORT" \
    --database "${ISO10002_SCALE_DB:-iso10002_scale}" \
    --primary-port "${SCALE_PG_PORT:-5434}" \
    --replica-port "${SCALE_REPLICA_PORT:-5435}" \
    --workers "${SCALE_WORKERS:-4}" \
    --seconds "${LOAD_SECONDS:-90}" \
    --output "${LOAD_OUTPUT:-docs/load.md}"
