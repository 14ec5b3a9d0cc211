"""The cost of odoo_iso10002 at scale: the Python half of `make bench`.

Run by scripts/bench.sh, from the repository: python -m scripts.bench --config
.odoo/odoo.conf --database iso10002_bench --size 100000 [--generate].
"""

import argparse
import sys

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

from .dataset import Generator
from .measure import Bench
from .report import table, write_report
from .settings import say


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--size", type=int, default=100000)
    parser.add_argument("--output", default="docs/benchmarks.md")
    parser.add_argument("--generate", action="store_true")
    args = parser.parse_args()
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, "--log-level=warn", "--max-cron-threads=0"]
    )
    registry = Registry(args.database)
    if args.generate:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US", "tz": "UTC"})
            say(f"generating {args.size:,} complaints in {args.database}")
            Generator(env, args.size).run()
    bench = Bench(registry, args.size)
    bench.run()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        facts, info = write_report(bench, env, args.output, args.size)
    print()
    print(table(bench.rows))
    print()
    print(
        f"{facts['complaints']:,} complaints ({facts['open']:,} open), {info['cpu']}, "
        f"{info['cores']} cores, {info['ram_gib']} GiB, PostgreSQL {info['postgresql']}"
    )
    say(f"written to {args.output}")


if __name__ == "__main__":
    sys.exit(main())
