"""The results: the Markdown table, the machine and the data set they were
measured on, the method, the notes and the comparison with other sizes,
written to docs/benchmarks.md (and as JSON in .odoo/bench/ for the comparison)."""

import json
import os
import platform
from datetime import datetime, timezone
from pathlib import Path

import odoo
from odoo.tools import SQL

from .notes import notes


def machine(env):
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = 0
    with open("/proc/meminfo", encoding="utf-8") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) / 1024 / 1024
    env.cr.execute("SHOW server_version")
    postgres = env.cr.fetchone()[0]
    settings = {}
    for name in ("shared_buffers", "work_mem", "effective_cache_size"):
        env.cr.execute(SQL("SHOW %s", SQL.identifier(name)))
        settings[name] = env.cr.fetchone()[0]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": round(memory, 1),
        "postgresql": postgres,
        "postgresql_settings": settings,
        "python": platform.python_version(),
        "odoo": odoo.release.version,
        "os": platform.platform(terse=True),
    }


def dataset_facts(env):
    cr = env.cr
    cr.execute(
        """SELECT count(*) FILTER (WHERE is_complaint),
                  count(*) FILTER (WHERE is_complaint AND iso_step != 'closed'),
                  count(*) FILTER (WHERE NOT is_complaint OR is_complaint IS NULL),
                  count(DISTINCT partner_id), min(date_received), max(date_received)
             FROM helpdesk_ticket"""
    )
    complaints, open_complaints, plain, customers, first, last = cr.fetchone()
    counts = {}
    for table in ("iso10002_escalation_log", "mail_message", "mail_activity", "mail_followers"):
        cr.execute(SQL("SELECT count(*) FROM %s", SQL.identifier(table)))
        counts[table] = cr.fetchone()[0]
    return {
        "complaints": complaints,
        "open": open_complaints,
        "plain": plain,
        "customers": customers,
        "first": str(first)[:10],
        "last": str(last)[:10],
        **counts,
    }


def table(rows):
    lines = [
        "| measure | figure | queries | target | verdict |",
        "| --- | ---: | ---: | --- | --- |",
    ]
    for row in rows:
        lines.append(
            f"| {row.measure} | {row.figure()} | {row.queries_text()} | "
            f"{row.target_text()} | {row.verdict()} |"
        )
    return "\n".join(lines)


def beside_plain_tickets(rows):
    """The complaints' list and kanban beside helpdesk_mgmt's own on plain tickets."""
    by_key = {row.key: row for row in rows}
    pairs = [(row, by_key.get(f"plain_{row.key}")) for row in rows]
    pairs = [(complaint, plain) for complaint, plain in pairs if plain and plain.seconds]
    if not pairs:
        return []
    lines = [
        "",
        "## Complaints beside plain tickets",
        "",
        (
            "The same screens on as many plain tickets of a support team, with helpdesk_mgmt's "
            "own list and kanban (as this database has them, with the addon installed):"
        ),
        "",
        "| screen | complaints | plain tickets | added by the addon |",
        "| --- | ---: | ---: | ---: |",
    ]
    for complaint, plain in pairs:
        added = (complaint.seconds - plain.seconds) * 1000
        lines.append(
            f"| {complaint.key} | {comparison_cell(complaint.figure(), complaint.queries)} | "
            f"{comparison_cell(plain.figure(), plain.queries)} | {added:+.0f} ms, "
            f"{complaint.queries - plain.queries:+.0f} queries |"
        )
    return lines


METHOD = """\
- The ORM is called in-process, as the server does for a request: times are server
  times, without HTTP, JSON or the browser. Queries are counted by Odoo's cursor; SQL
  time is the time spent in its `execute` (PostgreSQL and the driver).
- Each measurement runs in a transaction rolled back afterwards, so the data set stays
  as generated; it ends with the flush and the pre-commit hooks (tracking) that a
  request runs when it commits.
- Intake: 1,000 `create` calls of one record each, as a complaint handler, interleaved
  by blocks of 100 between plain tickets, complaints and complaints without automatic
  acknowledgement, after 30 warm-up creates of each; the ORM cache is emptied after each
  record, as a new request has it.
- Escalation: `_cron_escalate()` as `ir.cron` runs it (one batch of 500 per call, called
  again while complaints remain), after a warm-up run; complaints
  are made due by breaching their acknowledgement deadline in SQL. “Every complaint
  open” first moves all complaints back to Investigation with their deadlines ahead.
- Reviews, list, kanban and pivot: the median of 5 runs after a warm-up, as the
  complaints manager, each with an empty ORM cache. List and kanban send what the web
  client sends: `web_search_read` with the fields of the views (80 rows, count up to
  10,001); `web_read_group` by stage, `read_progress_bar` when the kanban has one
  (helpdesk_mgmt's has, the complaints' has not), then `web_search_read` of 40 cards
  for each unfolded column. Complaints with the views their menu opens; plain tickets
  of the support team with helpdesk_mgmt's."""


def comparison(bench, results_dir, size):
    """Queries and time of each measure at the other sizes measured here."""
    others = []
    for path in sorted(results_dir.glob("results-*.json")):
        other = json.loads(path.read_text())
        if other["size"] != size and all("key" in row for row in other["rows"]):
            others.append(other)
    if not others:
        return []
    others.sort(key=lambda other: other["size"])
    sizes = [f"{other['size']:,}" for other in others] + [f"{size:,}"]
    lines = [
        "",
        "## Other sizes",
        "",
        "Queries and time of the same measures on data sets of other sizes, on this machine:",
        "",
        "| measure | " + " | ".join(sizes) + " |",
        "| --- |" + " ---: |" * len(sizes),
    ]
    for row in bench.rows:
        cells = []
        for other in others:
            match = next((r for r in other["rows"] if r["key"] == row.key), None)
            cells.append(comparison_cell(match["figure"], match["queries"]) if match else "—")
        cells.append(comparison_cell(row.figure(), row.queries))
        lines.append(f"| {row.key} | " + " | ".join(cells) + " |")
    return lines


def comparison_cell(figure, queries):
    if queries is None or figure.endswith("×"):
        return figure
    count = f"{queries:,.0f}" if float(queries).is_integer() else f"{queries:.1f}"
    return f"{figure}, {count} queries"


def write_report(bench, env, output, size):
    facts = dataset_facts(env)
    info = machine(env)
    generation = bench.generation
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")
    results_dir = Path(__file__).resolve().parents[2] / ".odoo" / "bench"
    results_dir.mkdir(parents=True, exist_ok=True)
    result = {
        "size": size,
        "date": now,
        "machine": info,
        "dataset": facts,
        "rows": [row.as_dict() for row in bench.rows],
    }
    (results_dir / f"results-{size}.json").write_text(json.dumps(result, indent=1, default=str))
    settings = ", ".join(f"{k} {v}" for k, v in info["postgresql_settings"].items())
    load = ", ".join(f"{load:.1f}" for load in bench.facts["load"])
    lines = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`scripts/bench.sh`, `scripts/bench/`); do not edit by hand.",
        f"Run on {now} UTC over **{facts['complaints']:,} complaints**.",
        "",
        table(bench.rows),
        *beside_plain_tickets(bench.rows),
        "",
        "## Machine",
        "",
        f"- CPU: {info['cpu']}, {info['cores']} cores; RAM: {info['ram_gib']} GiB",
        f"- PostgreSQL {info['postgresql']} on the same machine ({settings})",
        f"- Odoo {info['odoo']}, Python {info['python']}, {info['os']}",
        (
            f"- Load average (1 min) before and after each group of measurements: {load}. On "
            f"{info['cores']} cores, above about 1 means other work competed for the CPU: the "
            "times are then pessimistic, the query counts are not affected."
        ),
        "",
        "## Data set",
        "",
        (
            f"- {facts['complaints']:,} complaints received from {facts['first']} to "
            f"{facts['last']}, {facts['open']:,} of them open, in 3 complaint teams with 20 "
            f"handlers; {facts['plain']:,} plain tickets in a support team; "
            f"{facts['customers']:,} customers."
        ),
        (
            "- The complaints go through the ISO steps with working-time durations drawn at "
            "random (seeded): most are closed within weeks, 3 % drag on, 4 % are withdrawn, 7 % "
            "are rejected and re-opened; severities, decisions, remedies, root causes, deadlines "
            "and their states, escalations, surveys and satisfaction scores follow."
        ),
        (
            f"- {facts['iso10002_escalation_log']:,} escalation log lines, "
            f"{facts['mail_message']:,} chatter messages, {facts['mail_activity']:,} activities, "
            f"{facts['mail_followers']:,} followers."
        ),
        (
            f"- Generated in {generation['seconds'] / 60:.1f} min (bulk COPY); measured in "
            f"{bench.facts['seconds'] / 60:.1f} min."
        ),
        "",
        "## How it is measured",
        "",
        METHOD,
        "",
        "## Notes",
        "",
        notes(bench),
        *comparison(bench, results_dir, size),
    ]
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return facts, info
