#!/usr/bin/env bash
# Builds the addons' wheels (odoo-addon-odoo_iso10002 and
# odoo-addon-odoo_iso10002_dashboard) into dist/ with whool.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rm -rf dist
for addon in odoo_iso10002 odoo_iso10002_dashboard; do
    .venv/bin/python -m pip wheel -q --no-deps -w dist "./$addon"
done
printf '\033[1m[wheel]\033[0m %s\n' dist/*.whl
