#!/usr/bin/env bash
# Builds one wheel per addon (odoo-addon-odoo_iso10002, and one per bridge
# addon) into dist/ with whool.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/addons.sh
source scripts/addons.sh
rm -rf dist
for addon in "${ADDONS[@]}"; do
    .venv/bin/python -m pip wheel -q --no-deps -w dist "./$addon"
done
printf '\033[1m[wheel]\033[0m %s\n' dist/*.whl
