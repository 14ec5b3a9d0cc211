"""The people of the load run, each a loop until the run's end: visitors of
the public form, handlers, portal customers, managers and the cron."""

import re
import time
from datetime import datetime, timezone

from .client import Client, RpcError

CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
REFERENCE = re.compile(r'id="complaint_reference"[^>]*>([^<]+)<')
TICKET_LINK = re.compile(r'href="/my/ticket/(\d+)')
CRON_XMLID = ("odoo_iso10002", "ir_cron_escalate_complaints")
# a pause between two actions of a person, as people read what they get
THINK_SECONDS = 0.2
CRON_EVERY_SECONDS = 10


class Run:
    """What the people share: where Odoo is, until when to act, what to record."""

    def __init__(self, base_url, database, seconds, tag):
        self.base_url = base_url
        self.database = database
        self.deadline = time.monotonic() + seconds
        self.tag = tag
        self.samples = []
        # the references the form's thanks page answered with
        self.answered = []

    def record(self, kind, seconds, status, error):
        # list.append is atomic: threads share the lists without a lock
        self.samples.append((kind, seconds, status, error))

    def going(self):
        return time.monotonic() < self.deadline

    def client(self):
        return Client(self.base_url, self.database, self.record)


def visitor(run, number):
    """Sends complaints through the public form, one after the other."""
    client = run.client()
    sent = 0
    while run.going():
        sent += 1
        page = client.request("form: open", "GET", "/complaints/new")
        token = CSRF.search(page.text)
        if not token:
            run.record("form: open", 0, page.status_code, "no CSRF token in the form")
            continue
        answer = client.request(
            "form: submit",
            "POST",
            "/complaints/submit",
            data={
                "csrf_token": token.group(1),
                "name": f"Load visitor {number}",
                "email": f"load-{run.tag}-{number}-{sent}@example.com",
                "subject": f"Load {run.tag} {number}-{sent}",
                "description": "The parcel came late and damaged.",
                "preferred_contact": "email",
            },
        )
        reference = REFERENCE.search(answer.text)
        if reference:
            run.answered.append(reference.group(1).strip())
        elif answer.status_code < 400:
            run.record("form: submit", 0, answer.status_code, "no reference on the thanks page")
        time.sleep(THINK_SECONDS)


def handler(run, number, of):
    """The demo handler's session: the list of new complaints, a complaint's
    form, and a move to the next step (acknowledge, then initial
    assessment) as its buttons and stage bar do. Handlers share out the
    complaints by id, as a team does."""
    client = run.client()
    client.login("demo", "demo")
    stages = {}
    moves = 0
    while run.going():
        complaints = client.call(
            "handler: list",
            "helpdesk.ticket",
            "web_search_read",
            domain=[("is_complaint", "=", True), ("iso_step", "in", ["received", "acknowledged"])],
            specification={"number": {}, "name": {}, "iso_step": {}, "team_id": {"fields": {}}},
            limit=80,
            order="id desc",
        )["records"]
        mine = [c for c in complaints if c["id"] % of == number]
        # new complaints keep coming: every other move takes one further
        moves += 1
        if moves % 2:
            mine.sort(key=lambda c: c["iso_step"] != "acknowledged")
        if mine:
            complaint = mine[0]
            client.call(
                "handler: open",
                "helpdesk.ticket",
                "web_read",
                [complaint["id"]],
                specification={
                    "number": {},
                    "name": {},
                    "description": {},
                    "iso_step": {},
                    "partner_id": {"fields": {"display_name": {}}},
                    "stage_id": {"fields": {"display_name": {}}},
                    "date_received": {},
                },
            )
            try:
                move(client, complaint, stages)
            except RpcError:
                pass  # recorded with its message
        time.sleep(THINK_SECONDS)


def move(client, complaint, stages):
    if complaint["iso_step"] == "received":
        client.button(
            "handler: acknowledge", "helpdesk.ticket", "action_acknowledge", [complaint["id"]]
        )
        return
    team = complaint["team_id"]["id"]
    if team not in stages:
        found = client.call(
            "handler: list",
            "helpdesk.ticket.stage",
            "search_read",
            [("iso_step", "=", "assessment"), ("team_ids", "in", [team])],
            fields=["id"],
            limit=1,
        )
        stages[team] = found[0]["id"] if found else False
    if stages[team]:
        client.call(
            "handler: to assessment",
            "helpdesk.ticket",
            "web_save",
            [complaint["id"]],
            {"stage_id": stages[team]},
            specification={"iso_step": {}},
        )


def customer(run):
    """Laura, a portal customer, reading her complaints."""
    client = run.client()
    client.login("laura", "laura")
    while run.going():
        page = client.request("portal: list", "GET", "/my/tickets")
        ids = TICKET_LINK.findall(page.text)
        if ids:
            client.request(
                "portal: complaint", "GET", f"/my/ticket/{ids[len(run.samples) % len(ids)]}"
            )
        time.sleep(THINK_SECONDS)


def manager(run):
    """The administrator, a complaint manager, opening the complaints analysis
    (pivot and graph group the report by step and by month)."""
    client = run.client()
    client.login("admin", "admin")
    while run.going():
        client.call(
            "analysis: by step",
            "iso10002.complaint.report",
            "web_read_group",
            domain=[],
            fields=["__count", "days_to_decision:avg"],
            groupby=["iso_step"],
            lazy=False,
        )
        client.call(
            "analysis: by month",
            "iso10002.complaint.report",
            "read_group",
            [],
            ["__count"],
            ["received_day:month", "team_id"],
            lazy=False,
        )
        time.sleep(THINK_SECONDS)


def cron(run):
    """The administrator asks the cron threads for an escalation run every
    few seconds, as a handler's change does (a trigger due now wakes them)."""
    admin = run.client()
    admin.login("admin", "admin")
    cron_id = admin.call(
        "cron: trigger",
        "ir.model.data",
        "search_read",
        [("module", "=", CRON_XMLID[0]), ("name", "=", CRON_XMLID[1])],
        fields=["res_id"],
    )[0]["res_id"]
    while run.going():
        now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        admin.call(
            "cron: trigger", "ir.cron.trigger", "create", {"cron_id": cron_id, "call_at": now}
        )
        time.sleep(CRON_EVERY_SECONDS)
