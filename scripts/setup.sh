#!/usr/bin/env bash
# Prepares everything `make demo` and `make test` need, idempotently:
# Debian packages, PostgreSQL and a role, Odoo 18.0 source, the virtualenv
# and the Odoo configuration file. A second run only checks and returns.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
VAR="$ROOT/.odoo"
CONF="$VAR/odoo.conf"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/odoo-iso10002/odoo-18.0"
ODOO_GIT_URL="https://github.com/odoo/odoo.git"
PYTHON="${PYTHON:-python3}"
# fontconfig and the two font packages: system fonts for the printed reports,
# which Debian's wkhtmltopdf embeds as text (web fonts it draws as outlines)
DEB_PACKAGES=(postgresql libpq-dev libldap2-dev libsasl2-dev chromium wkhtmltopdf poppler-utils
    fontconfig fonts-crosextra-carlito fonts-dejavu-core)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

debian_packages() {
    command -v dpkg-query >/dev/null || { say "not a Debian/Ubuntu system: install ${DEB_PACKAGES[*]} by hand"; return; }
    local missing=()
    for pkg in "${DEB_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return
    if [ "$(id -u)" -eq 0 ]; then
        say "installing Debian packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        die "missing Debian packages; run: sudo apt-get install -y ${missing[*]}"
    fi
}

postgresql() {
    # Use a server that already answers; otherwise start the local cluster.
    if ! pg_isready -q 2>/dev/null; then
        if [ "$(id -u)" -eq 0 ] && command -v pg_ctlcluster >/dev/null; then
            local cluster
            cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
            [ -n "$cluster" ] || die "no PostgreSQL cluster; run: pg_createcluster --start 15 main"
            say "starting PostgreSQL cluster $cluster"
            # shellcheck disable=SC2086
            pg_ctlcluster $cluster start
            for _ in $(seq 30); do pg_isready -q && break; sleep 1; done
        fi
        pg_isready -q || die "PostgreSQL is not running; run: sudo pg_ctlcluster 15 main start"
    fi
    local me
    me="${PGUSER:-$(id -un)}"
    if ! psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
        if [ "$(id -u)" -eq 0 ]; then
            say "creating PostgreSQL role $me"
            su postgres -c "createuser --createdb '$me'"
        else
            die "no PostgreSQL role for $me; run: sudo -u postgres createuser --createdb $me"
        fi
    fi
    [ "$me" != postgres ] || die "Odoo refuses to connect as 'postgres': set PGUSER to another role"
}

odoo_source() {
    if [ -n "${ODOO_SRC:-}" ]; then
        [ -f "$ODOO_SRC/odoo/release.py" ] || die "ODOO_SRC=$ODOO_SRC holds no Odoo source (odoo/release.py missing)"
    elif [ -f "$CACHE/odoo/release.py" ]; then
        ODOO_SRC="$CACHE"
    else
        say "no Odoo source in \$ODOO_SRC or $CACHE: cloning the official 18.0 branch"
        mkdir -p "$(dirname "$CACHE")"
        rm -rf "$CACHE.partial"
        if git clone -q --depth 1 --branch 18.0 "$ODOO_GIT_URL" "$CACHE.partial"; then
            mv "$CACHE.partial" "$CACHE"
            ODOO_SRC="$CACHE"
        else
            rm -rf "$CACHE.partial"
            die "could not get Odoo 18.0. Provide its source tree (the folder holding odoo-bin) and either
  export ODOO_SRC=/path/to/odoo-18.0
or put it in $CACHE, e.g.
  git clone --depth 1 --branch 18.0 $ODOO_GIT_URL $CACHE"
        fi
    fi
    grep -q "^version_info = (18, 0," "$ODOO_SRC/odoo/release.py" || die "$ODOO_SRC is not Odoo 18.0"
    export ODOO_SRC
}

virtualenv() {
    "$PYTHON" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' \
        || die "Odoo 18 needs Python 3.10 to 3.12; set PYTHON=python3.x"
    [ -x "$VENV/bin/python" ] || { say "creating virtualenv .venv"; "$PYTHON" -m venv "$VENV"; }
    # Reinstall only when an input changed: requirements files or Odoo's location.
    local stamp="$VENV/.installed" want
    want=$(cat "$ODOO_SRC/requirements.txt" "$ROOT/requirements.txt" <(echo "$ODOO_SRC") | sha1sum | cut -d' ' -f1)
    [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && return
    say "installing Python packages into .venv (Odoo's requirements, Odoo, project requirements)"
    # pip's output goes to a log, shown only when something fails.
    local log="$VAR/pip.log"
    mkdir -p "$VAR"
    : >"$log"
    pip() { "$VENV/bin/python" -m pip install -q "$@" >>"$log" 2>&1 || { tail -n 40 "$log" >&2; die "pip install $* failed (whole log: $log)"; }; }
    pip --upgrade "pip>=25.3" wheel
    # Some of Odoo's pinned sdists (cbor2, ...) import pkg_resources in setup.py,
    # which recent setuptools no longer ships: build them with an older one.
    local build_constraints="$VENV/build-constraints.txt"
    echo "setuptools<70" >"$build_constraints"
    pip --build-constraint "$build_constraints" -r "$ODOO_SRC/requirements.txt"
    # "compat" puts the source on sys.path, so that odoo/__init__.py wins over the
    # odoo/addons/ folder that addon wheels add to site-packages.
    pip --build-constraint "$build_constraints" --no-deps \
        --config-settings editable_mode=compat -e "$ODOO_SRC"
    pip --build-constraint "$build_constraints" -r "$ROOT/requirements.txt"
    echo "$want" >"$stamp"
}

odoo_config() {
    mkdir -p "$VAR"
    cat >"$CONF" <<CONF
[options]
addons_path = $ODOO_SRC/addons,$ROOT
data_dir = $VAR/data
admin_passwd = admin
http_interface = 127.0.0.1
http_port = 8069
list_db = True
CONF
}

debian_packages
postgresql
odoo_source
virtualenv
odoo_config
say "ready: Odoo $ODOO_SRC, virtualenv .venv, config .odoo/odoo.conf"
