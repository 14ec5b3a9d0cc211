"""The load run's report, in Markdown (printed and written to docs/load.md)."""

import datetime
import os

from .clusters import DATABASE_COUNTERS

WRITE_COUNTERS = ("tup_inserted", "tup_updated", "tup_deleted")


def _figures(summary, elapsed, workers, submissions, escalated, loads):
    total = sum(row["count"] for row in summary.values())
    lines = [
        "# Load run (`make load`)",
        "",
        (
            f"{datetime.date.today().isoformat()}, {os.cpu_count()} cores, Odoo with {workers} "
            f"workers, 2 cron threads and a streaming replica; {elapsed:.0f} s of load. Load "
            f"average (1 min) {loads[0][0]:.2f} before, {loads[1][0]:.2f} at the end: other work "
            "on the machine counts in it."
        ),
        "",
        (
            f"{total:,} requests, {total / elapsed:.1f} per second; {submissions} complaints "
            f"submitted through the form; {escalated} escalations logged by the cron and by "
            "handlers' changes."
        ),
        "",
        "| Request | Count | Per second | p50 ms | p95 ms | Errors | 5xx |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for kind, row in summary.items():
        lines.append(
            f"| {kind} | {row['count']:,} | {row['per_second']:.1f} | {row['p50_ms']:,.0f} "
            f"| {row['p95_ms']:,.0f} | {row['errors']} | {row['5xx']} |"
        )
    return lines


def _clusters(clusters):
    primary, replica = clusters["primary"], clusters["replica"]
    reads = primary["statements"]["read"] + replica["statements"]["read"]
    share = replica["statements"]["read"] / reads if reads else 0
    written = sum(replica["database"][key] for key in WRITE_COUNTERS)
    header = " | ".join(DATABASE_COUNTERS)
    lines = [
        "",
        (
            "Each cluster's own statistics of the database (`pg_stat_database`, "
            "`pg_stat_statements`, reset before the run):"
        ),
        "",
        f"| Cluster | {header} | SELECT calls | writing calls | other calls |",
        "|---|" + "--:|" * (len(DATABASE_COUNTERS) + 3),
    ]
    for name, cluster in clusters.items():
        cells = [f"{cluster['database'][key]:,}" for key in DATABASE_COUNTERS]
        cells += [f"{cluster['statements'][kind]:,}" for kind in ("read", "write", "other")]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += [
        "",
        (
            f"The replica served {share:.0%} of the SELECT statements; it wrote {written:,} rows "
            f"and ran {replica['statements']['write']:,} writing statements."
        ),
    ]
    return lines


def markdown(summary, elapsed, workers, clusters, submissions, escalated, loads, problems):
    lines = _figures(summary, elapsed, workers, submissions, escalated, loads)
    lines += _clusters(clusters)
    lines += [
        "",
        (
            "Checks: every submission answered with a reference has exactly one complaint, "
            "references unique, no complaint escalated twice by a rule at a level, no 5xx, "
            "the replica wrote nothing."
        ),
        "",
    ]
    if problems:
        lines += ["**Failed:**", ""]
        lines += [f"- {problem}" for problem in problems]
    else:
        lines.append("**All checks passed.**")
    return "\n".join(lines) + "\n"
