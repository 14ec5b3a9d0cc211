"""`make load`: a bounded load run against the scale demo, its checks and
report (python -m scripts.load; scripts/load.sh passes the settings)."""

import argparse
import datetime
import os
import sys
import threading
import time

from . import checks, clusters, report, stats
from .client import Client
from .people import Run, cron, customer, handler, manager, visitor

# the people at once: most traffic is handlers' and customers' reading
VISITORS = 4
HANDLERS = 3
CUSTOMERS = 3
MANAGERS = 2
# a complaint of the run is due within this many hours: its escalation
# rule "decision due" then holds for every open complaint
DUE_WITHIN_HOURS = 24 * 365
# backends send their statistics at most every 10 s when idle (PostgreSQL's
# PGSTAT_IDLE_INTERVAL): read them once that has passed
STATS_SETTLE_SECONDS = 11


def parse_args():
    parser = argparse.ArgumentParser(prog="python -m scripts.load")
    parser.add_argument("--url", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--primary-port", type=int, required=True)
    parser.add_argument("--replica-port", type=int, required=True)
    parser.add_argument("--seconds", type=int, default=90)
    parser.add_argument("--workers", type=int, required=True)
    parser.add_argument("--output", default="docs/load.md")
    args = parser.parse_args()
    if not 10 <= args.seconds <= 90:
        parser.error("--seconds: from 10 to 90, so that the run ends within 2 minutes")
    if not args.url.startswith(("http://127.0.0.1:", "http://localhost:")):
        parser.error("--url: the load runs against localhost only")
    return args


def xmlid(admin, module, name):
    return admin.call(
        "setup",
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        fields=["res_id"],
    )[0]["res_id"]


class Settings:
    """Two settings the run changes and gives back: no limit of submissions
    per address (all visitors come from 127.0.0.1), and the "decision due"
    rule holding for every open complaint (the cron has complaints to
    escalate)."""

    def __init__(self, admin):
        self.admin = admin
        self.rule = xmlid(admin, "odoo_iso10002", "iso10002_escalation_rule_decision_due")
        self.saved_rule = admin.call(
            "setup", "iso10002.escalation.rule", "read", [self.rule], ["due_within_hours"]
        )[0]
        self.saved_companies = admin.call(
            "setup", "res.company", "search_read", [], fields=["iso10002_form_limit_ip"]
        )

    def __enter__(self):
        companies = [company["id"] for company in self.saved_companies]
        self.admin.call("setup", "res.company", "write", companies, {"iso10002_form_limit_ip": 0})
        self.admin.call(
            "setup",
            "iso10002.escalation.rule",
            "write",
            [self.rule],
            {"due_within_hours": DUE_WITHIN_HOURS},
        )

    def __exit__(self, *exc):
        for company in self.saved_companies:
            self.admin.call(
                "setup",
                "res.company",
                "write",
                [company["id"]],
                {"iso10002_form_limit_ip": company["iso10002_form_limit_ip"]},
            )
        self.admin.call(
            "setup",
            "iso10002.escalation.rule",
            "write",
            [self.rule],
            {"due_within_hours": self.saved_rule["due_within_hours"]},
        )


def run_people(run):
    threads = [threading.Thread(target=visitor, args=(run, n)) for n in range(VISITORS)]
    threads += [threading.Thread(target=handler, args=(run, n, HANDLERS)) for n in range(HANDLERS)]
    threads += [threading.Thread(target=customer, args=(run,)) for _ in range(CUSTOMERS)]
    threads += [threading.Thread(target=manager, args=(run,)) for _ in range(MANAGERS)]
    threads.append(threading.Thread(target=cron, args=(run,)))
    failures = []

    def guarded(target):
        def body(*args):
            try:
                target(*args)
            except Exception as error:  # noqa: BLE001 - a person's end is a finding
                failures.append(f"{target.__name__}: {type(error).__name__}: {error}")

        return body

    for thread in threads:
        thread._target = guarded(thread._target)
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def read_back(database, port, tag, since):
    with clusters.connect(database, port) as connection, connection.cursor() as cr:
        cr.execute("SELECT number, name FROM helpdesk_ticket WHERE name LIKE %s", [f"Load {tag} %"])
        tickets = cr.fetchall()
        cr.execute("SELECT ticket_id, rule_id, level FROM iso10002_escalation_log")
        escalations = cr.fetchall()
        cr.execute("SELECT count(*) FROM iso10002_escalation_log WHERE create_date >= %s", [since])
        escalated = cr.fetchone()[0]
    return tickets, escalations, escalated


def warm_up(args):
    """A fresh worker loads the registry at its first request: not a figure
    of the run. Requests at once reach each worker."""
    clients = [
        Client(args.url, args.database, lambda *sample: None) for _ in range(2 * args.workers)
    ]
    threads = [
        threading.Thread(target=client.request, args=("warm-up", "GET", "/web/login"))
        for client in clients
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def main():
    args = parse_args()
    tag = datetime.datetime.now().strftime("%Y%m%d%H%M%S")
    admin = Client(args.url, args.database, lambda *sample: None)
    admin.login("admin", "admin")
    warm_up(args)
    print(f"[load] {args.seconds} s against {args.url} (database {args.database}) ...", flush=True)
    load_before = os.getloadavg()
    since = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    with Settings(admin):
        for port in (args.primary_port, args.replica_port):
            clusters.reset(args.database, port)
        run = Run(args.url, args.database, args.seconds, tag)
        started = time.monotonic()
        failures = run_people(run)
        elapsed = time.monotonic() - started
    load_after = os.getloadavg()
    time.sleep(STATS_SETTLE_SECONDS)
    primary = clusters.read(args.database, args.primary_port)
    replica = clusters.read(args.database, args.replica_port)
    tickets, escalations, escalated = read_back(args.database, args.primary_port, tag, since)
    summary = stats.summarize(run.samples, elapsed)
    problems = failures + checks.check_responses(summary)
    problems += checks.check_submissions(run.answered, tickets)
    problems += checks.check_escalations(escalations)
    problems += checks.check_replica(replica, primary)
    if not replica["standby"]:
        problems.append(f"the cluster on port {args.replica_port} is no standby")
    text = report.markdown(
        summary=summary,
        elapsed=elapsed,
        workers=args.workers,
        clusters={"primary": primary, "replica": replica},
        submissions=len(run.answered),
        escalated=escalated,
        loads=(load_before, load_after),
        problems=problems,
    )
    print(text)
    with open(args.output, "w", encoding="utf-8") as output:
        output.write(text)
    print(f"[load] written to {args.output}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
