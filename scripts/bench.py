"""The cost of odoo_iso10002 at scale: the Python half of `make bench`.

scripts/bench.sh prepares the database; this script generates the data set
(--generate: teams, handlers, customers and complaints spread over 24 months,
written in bulk with COPY), then measures intake, the escalation cron,
management reviews, the complaints list and kanban and the reporting pivot.
Every measurement runs in a transaction that is rolled back, so the data set
stays as generated; it prints a Markdown table and writes it, with the machine
it ran on, to docs/benchmarks.md.
"""

import argparse
import bisect
import csv
import io
import itertools
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg2
from dateutil.relativedelta import relativedelta
from lxml import etree

import odoo
from odoo import SUPERUSER_ID, Command, api, fields
from odoo.modules.registry import Registry
from odoo.sql_db import connection_info_for
from odoo.tools import SQL, date_utils, split_every

SEED = 10002
PARAM_SIZE = "odoo_iso10002.bench_size"
PARAM_DATA = "odoo_iso10002.bench_data"
PARAM_GENERATION = "odoo_iso10002.bench_generation"
TWO_YEARS = 730 * 86400  # seconds: complaints are received over the last 24 months
INTAKE_RECORDS = 1000
DUE_COMPLAINTS = 1000
REPEAT = 5  # read measurements: the median of this many runs, after one warm-up
LIST_LIMIT, KANBAN_LIMIT, COUNT_LIMIT = 80, 40, 10000  # as the web client asks
TARGET_INTAKE_RATIO = 1.3
TARGET_CRON_S = 2.0
TARGET_VIEW_MS = 200.0

STEPS = [
    "received",
    "acknowledged",
    "assessment",
    "investigation",
    "response",
    "decision_communicated",
    "closed",
]
CATEGORIES = [
    ("Delivery", 25),
    ("Product quality", 22),
    ("Billing", 15),
    ("Customer service", 12),
    ("Returns and refunds", 10),
    ("Website and ordering", 8),
    ("Installation", 5),
    ("Other", 3),
]
SUBJECTS = [
    "The parcel arrived damaged",
    "Charged twice for one order",
    "The product stopped working after a week",
    "Nobody answered my e-mails",
    "Delivery three weeks late",
    "Wrong item delivered",
    "Refund still not received",
    "Rude staff at the counter",
    "The installer left a mess",
    "Missing parts in the box",
]
FIRST_NAMES = ["Jonas", "Ona", "Lukas", "Ieva", "Matas", "Ema", "Paulius", "Gabija", "Tomas", "Ana"]
LAST_NAMES = ["Kazlauskas", "Petrauskaitė", "Jankauskas", "Stankevičiūtė", "Vasiliauskas"]


# ----------------------------------------------------------------------
# Working time
# ----------------------------------------------------------------------


class WorkCalendar:
    """Working-time arithmetic of a weekly resource.calendar in O(1): W(t) is
    the number of working hours from a fixed Monday to t, so that working
    hours between two instants are a difference and planning hours an
    inverse. It matches resource.calendar's plan_hours/get_work_hours_count
    when there are no leaves (the bench company has none: checked against
    Odoo on a sample after generation)."""

    EPOCH = datetime(2000, 1, 3)  # a Monday

    def __init__(self, calendar):
        if calendar.two_weeks_calendar or calendar.flexible_hours:
            raise SystemExit("bench: the company calendar must be a plain weekly calendar")
        self.tz = ZoneInfo(calendar.tz or "UTC")
        self.utc = ZoneInfo("UTC")
        self.intervals = sorted(
            (int(a.dayofweek) * 24 + a.hour_from, int(a.dayofweek) * 24 + a.hour_to)
            for a in calendar.attendance_ids
            if a.day_period != "lunch"
        )
        self.cumulative = [0.0]
        for start, end in self.intervals:
            self.cumulative.append(self.cumulative[-1] + end - start)
        self.week = self.cumulative[-1]
        self.starts = [start for start, _end in self.intervals]

    def _local_hours(self, moment):
        local = moment.replace(tzinfo=self.utc).astimezone(self.tz).replace(tzinfo=None)
        return (local - self.EPOCH).total_seconds() / 3600

    def _from_local_hours(self, hours):
        local = self.EPOCH + timedelta(hours=hours)
        return local.replace(tzinfo=self.tz).astimezone(self.utc).replace(tzinfo=None)

    def worked(self, moment):
        weeks, rest = divmod(self._local_hours(moment), 168)
        index = bisect.bisect_right(self.starts, rest)
        total = self.cumulative[index - 1] if index else 0.0
        if index:
            start, end = self.intervals[index - 1]
            total += min(rest, end) - start
        return weeks * self.week + total

    def hours_between(self, start, end):
        return max(self.worked(end) - self.worked(start), 0.0)

    def plan(self, start, hours):
        """The instant `hours` working hours after `start`."""
        weeks, rest = divmod(self.worked(start) + hours, self.week)
        if rest == 0:  # lands on a week boundary: the end of last week's work
            weeks, rest = weeks - 1, self.week
        index = bisect.bisect_left(self.cumulative, rest) - 1
        start_hour, _end = self.intervals[index]
        offset = weeks * 168 + start_hour + rest - self.cumulative[index]
        return self._from_local_hours(offset).replace(microsecond=0)


# ----------------------------------------------------------------------
# Data set
# ----------------------------------------------------------------------


class Generator:
    """A deterministic data set of `size` complaints, and a twentieth as many
    plain tickets, spread over the last 24 months."""

    def __init__(self, env, size):
        self.env = env
        self.cr = env.cr
        self.size = size
        self.rng = random.Random(SEED)
        self.now = fields.Datetime.now()
        self.company = env.ref("base.main_company")

    def run(self):
        started = time.perf_counter()
        data = self._master_data()
        say(f"master data: {len(data['customers'])} customers, {len(data['handlers'])} handlers")
        self.cr.execute("SELECT COALESCE(max(id), 0) FROM helpdesk_ticket")
        first_id = self.cr.fetchone()[0] + 1
        self._ticket_range = (first_id, first_id + self.size - 1)
        factory = ComplaintFactory(self, data)
        complaints = (
            factory.row(first_id + index, index, received)
            for index, received in enumerate(factory.received_dates(self.size))
        )
        self._copy("helpdesk_ticket", itertools.chain(complaints, self._plain_tickets(data)))
        self._copy("helpdesk_ticket_iso10002_remedy_type_rel", factory.remedies)
        self._copy("iso10002_escalation_log", factory.escalations)
        self._copy("mail_activity", factory.activities)
        self.env.ref("odoo_iso10002.ir_sequence_complaint").number_next = self.size + 1
        self._finish(data)
        self._check_working_time()
        data.pop("customers")
        elapsed = time.perf_counter() - started
        params = self.env["ir.config_parameter"].sudo()
        params.set_param(PARAM_DATA, json.dumps(data))
        params.set_param(PARAM_GENERATION, json.dumps({"seconds": elapsed, "at": str(self.now)}))
        params.set_param(PARAM_SIZE, str(self.size))
        self.cr.commit()
        vacuum(self.cr.dbname, GENERATED_TABLES)
        say(f"data set generated in {elapsed:.0f} s")

    # master data, through the ORM: a few thousand records at most

    def _master_data(self):
        env, rng = self.env, self.rng
        ref = env.ref
        main_team = ref("odoo_iso10002.helpdesk_ticket_team_complaints")
        survey = main_team.survey_id
        teams = main_team | env["helpdesk.ticket.team"].create(
            [
                {
                    "name": name,
                    "is_complaint_team": True,
                    "survey_id": survey.id,
                    "survey_reminder_days": 5,
                }
                for name in ("Product Complaints", "Billing Complaints")
            ]
        )
        iso_stages = env["helpdesk.ticket.stage"].search([("iso_step", "!=", False)])
        iso_stages.write({"team_ids": [Command.link(team.id) for team in teams]})
        policies = main_team.deadline_policy_ids
        for team in teams - main_team:
            env["iso10002.deadline.policy"].create(
                [dict(p.copy_data()[0], team_id=team.id) for p in policies]
            )
        plain_team = env["helpdesk.ticket.team"].create({"name": "IT Support"})
        users = env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True)
        handler_group = ref("odoo_iso10002.group_complaint_user")
        handlers = users.create(
            [
                {
                    "name": f"Handler {index:02d}",
                    "login": f"bench_handler_{index:02d}",
                    "email": f"handler{index:02d}@bench.example.com",
                    "tz": "UTC",
                    "groups_id": [Command.set([handler_group.id])],
                }
                for index in range(1, 21)
            ]
        )
        agents = users.create(
            [
                {
                    "name": f"Support Agent {index}",
                    "login": f"bench_agent_{index}",
                    "email": f"agent{index}@bench.example.com",
                    "tz": "UTC",
                    "groups_id": [Command.set([ref("helpdesk_mgmt.group_helpdesk_user").id])],
                }
                for index in range(1, 5)
            ]
        )
        manager = users.create(
            {
                "name": "Complaints Manager",
                "login": "bench_manager",
                "email": "manager@bench.example.com",
                "tz": "UTC",
                "groups_id": [Command.set([ref("odoo_iso10002.group_complaint_manager").id])],
            }
        )
        team_handlers = {}
        for index, team in enumerate(teams):
            members = handlers[index::3]
            team.write({"user_ids": [Command.set(members.ids)], "user_id": members[0].id})
            team_handlers[team.id] = members.ids
        # the intake handler registers complaints and plain tickets alike
        plain_team.write(
            {"user_ids": [Command.set((agents | handlers[0]).ids)], "user_id": agents[0].id}
        )
        categories = env["helpdesk.ticket.category"].create(
            [{"name": name} for name, _weight in CATEGORIES]
        )
        customer_count = min(max(self.size // 25, 200), 5000)
        companies = env["res.partner"].create(
            [
                {"name": f"Customer Company {index:04d}", "is_company": True}
                for index in range(customer_count // 10)
            ]
        )
        customers = env["res.partner"].create(
            [
                {
                    "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {index:05d}",
                    "email": f"customer{index:05d}@bench.example.com",
                    "phone": f"+370 600 {index:05d}",
                    # one customer in five writes on behalf of a company
                    "parent_id": companies[index % len(companies)].id if index % 5 == 0 else False,
                }
                for index in range(customer_count)
            ]
        )
        env.flush_all()
        channel = {
            xmlid.split("_")[-1]: ref(f"helpdesk_mgmt.helpdesk_ticket_channel_{xmlid}").id
            for xmlid in ("web", "email", "phone", "other")
        }
        channel["form"] = ref("odoo_iso10002.helpdesk_ticket_channel_public_form").id
        return {
            "complaint_team_ids": teams.ids,
            "team_handlers": team_handlers,
            "plain_team_id": plain_team.id,
            "handlers": handlers.ids,
            "handler_partners": dict(zip(handlers.ids, handlers.partner_id.ids, strict=True)),
            "agents": agents.ids,
            "manager_id": manager.id,
            "category_ids": categories.ids,
            "channels": channel,
            "customers": [
                (p.id, p.commercial_partner_id.id, p.name, p.email, p.phone) for p in customers
            ],
            "stages": {s.iso_step: s.id for s in iso_stages.sorted("sequence")[::-1]},
            "plain_stages": {
                s.name: s.id
                for s in env["helpdesk.ticket.stage"].search([("iso_step", "=", False)])
            },
        }

    def _plain_tickets(self, data):
        rng, now = self.rng, self.now
        count = max(self.size // 20, 500)
        first_id = self._ticket_range[1] + 1
        stages = data["plain_stages"]
        received_dates = sorted(
            now - timedelta(seconds=int(rng.uniform(60, TWO_YEARS))) for _index in range(count)
        )
        self.env["ir.sequence"].search([("code", "=", "helpdesk.ticket.sequence")]).write(
            {"number_next": count + 1}
        )
        self._plain_range = (first_id, first_id + count - 1)
        for index, created in enumerate(received_dates):
            age = (now - created).days
            stage = "Done" if age > 10 else rng.choice(["New", "In Progress", "Awaiting", "Done"])
            closed_at = created + timedelta(days=rng.uniform(0.1, 10)) if stage == "Done" else None
            partner = rng.choice(data["customers"])
            agent = rng.choice(data["agents"])
            yield {
                "id": first_id + index,
                "number": f"HT{index + 1:05d}",
                "name": "Cannot log in to the customer portal",
                "description": "<p>The password reset link does not arrive.</p>",
                "company_id": self.company.id,
                "currency_id": self.company.currency_id.id,
                "team_id": data["plain_team_id"],
                "user_id": agent,
                "stage_id": stages[stage],
                "is_complaint": False,
                "active": True,
                "sequence": 10,
                "color": 0,
                "kanban_state": "normal",
                "unattended": stage == "New",
                "priority": rng.choice("0112"),
                "partner_id": partner[0],
                "commercial_partner_id": partner[1],
                "partner_name": partner[2],
                "partner_email": partner[3],
                "channel_id": data["channels"]["web"],
                "date_received": created,
                "create_date": created,
                "create_uid": agent,
                "write_date": closed_at or created,
                "write_uid": agent,
                "last_stage_update": closed_at or created,
                "assigned_date": created,
                "closed_date": closed_at,
                "compensation_amount": 0.0,
                "reopen_count": 0,
                "escalation_level": 0,
                "is_repeat": False,
                "satisfaction_score": 0.0,
            }

    def _copy(self, table, rows):
        """COPY rows (dicts) into `table`, by chunks; the columns a row lacks are NULL."""
        self.cr.execute(
            """SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = %s""",
            [table],
        )
        table_columns = [name for (name,) in self.cr.fetchall()]
        self.env.flush_all()
        count = 0
        for chunk in split_every(20000, rows):
            keys = set().union(*chunk)
            if keys - set(table_columns):
                raise SystemExit(f"bench: no column {', '.join(keys - set(table_columns))}")
            columns = [name for name in table_columns if name in keys]
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            for row in chunk:
                writer.writerow([_csv_value(row.get(name)) for name in columns])
            buffer.seek(0)
            copy = SQL(
                "COPY %s (%s) FROM STDIN WITH (FORMAT csv)",
                SQL.identifier(table),
                SQL(", ").join(SQL.identifier(name) for name in columns),
            )
            self.cr._obj.copy_expert(copy.code, buffer)
            count += len(chunk)
        say(f"{count:>8} rows into {table}")

    def _finish(self, data):
        cr = self.cr
        for table in ("helpdesk_ticket", "iso10002_escalation_log", "mail_activity"):
            cr.execute(
                SQL(
                    "SELECT setval(%s, (SELECT max(id) FROM %s))",
                    f"{table}_id_seq",
                    SQL.identifier(table),
                )
            )
        first, last = self._ticket_range[0], self._plain_range[1]
        # repeat complaints: the same customer complained within the repeat window
        cr.execute(
            SQL(
                """UPDATE helpdesk_ticket t SET is_repeat = TRUE
                     FROM (SELECT id, date_received, lag(date_received) OVER (
                                  PARTITION BY commercial_partner_id ORDER BY date_received, id
                                  ) AS previous
                             FROM helpdesk_ticket
                            WHERE is_complaint AND commercial_partner_id IS NOT NULL) s
                    WHERE s.id = t.id AND s.previous < s.date_received
                      AND s.previous >= s.date_received - make_interval(days => %s)""",
                self.company.iso10002_repeat_window_days,
            )
        )
        # the chatter: one message per step reached, the handler and the customer follow
        note = self.env.ref("mail.mt_note").id
        created = self.env.ref("helpdesk_mgmt.hlp_tck_created").id
        step_dates = SQL(", ").join(
            SQL("(t.%s, %s)", SQL.identifier(f"date_{step}"), step)
            for step in STEPS
            if step != "received"
        )
        cr.execute(
            SQL(
                """INSERT INTO mail_message (model, res_id, record_name, message_type,
                                             subtype_id, body, date, author_id, is_internal,
                                             record_company_id, create_uid, create_date,
                                             write_uid, write_date)
                   SELECT 'helpdesk.ticket', t.id, t.number || ' - ' || t.name, 'notification',
                          CASE WHEN s.step IS NULL THEN %(created)s ELSE %(note)s END,
                          '<p>' || COALESCE('Stage: ' || s.step, 'Ticket created') || '</p>',
                          s.date, u.partner_id, TRUE, t.company_id, t.create_uid, s.date,
                          t.create_uid, s.date
                     FROM helpdesk_ticket t
                     JOIN res_users u ON u.id = t.create_uid
                     CROSS JOIN LATERAL (VALUES (t.date_received, NULL), %(steps)s)
                          AS s(date, step)
                    WHERE t.id BETWEEN %(first)s AND %(last)s AND s.date IS NOT NULL""",
                created=created,
                note=note,
                steps=step_dates,
                first=first,
                last=last,
            )
        )
        say(f"{cr.rowcount:>8} rows into mail_message")
        cr.execute(
            SQL(
                """INSERT INTO mail_followers (res_model, res_id, partner_id)
                   SELECT DISTINCT 'helpdesk.ticket', t.id, f.partner_id
                     FROM helpdesk_ticket t
                     LEFT JOIN res_users u ON u.id = t.user_id
                     CROSS JOIN LATERAL (VALUES (u.partner_id), (t.partner_id)) AS f(partner_id)
                    WHERE t.id BETWEEN %s AND %s AND f.partner_id IS NOT NULL""",
                first,
                last,
            )
        )
        say(f"{cr.rowcount:>8} rows into mail_followers")
        cr.execute(
            SQL(
                """INSERT INTO mail_followers_mail_message_subtype_rel
                          (mail_followers_id, mail_message_subtype_id)
                   SELECT id, %s FROM mail_followers
                    WHERE res_model = 'helpdesk.ticket' AND res_id BETWEEN %s AND %s""",
                self.env.ref("mail.mt_comment").id,
                first,
                last,
            )
        )
        partner = self.env["res.partner"]
        if "iso10002_has_open_complaint" in partner._fields:
            # the customers' flags that CRM shows, as the addon stores them
            cr.execute(
                """UPDATE res_partner p
                      SET iso10002_has_open_complaint = o.id IS NOT NULL,
                          iso10002_has_serious_open_complaint = COALESCE(o.serious, FALSE)
                     FROM res_partner q
                     LEFT JOIN (SELECT commercial_partner_id AS id,
                                       bool_or(health_safety OR severity IN ('3', '4')) AS serious
                                  FROM helpdesk_ticket
                                 WHERE is_complaint AND iso_step != 'closed'
                                 GROUP BY 1) o ON o.id = q.id
                    WHERE p.id = q.id"""
            )
        self.env.invalidate_all()
        missing = self._columns_left_empty()
        if missing:
            say("stored columns the generator leaves empty: " + ", ".join(missing))
        # what the hourly cron would have done by now
        settle_escalations(self.env)

    def _columns_left_empty(self):
        """Stored fields of complaints the generator does not fill (other than
        the ones empty on purpose): a reminder to extend it when the addon grows."""
        on_purpose = {
            "access_token",
            "email_cc",
            "notes",
            "properties",
            "duplicate_id",
            "survey_due_date",
            "message_main_attachment_id",
            "deadline_paused_since",
            "approved_by_id",
            "date_approved",
            "rejection_reason",
            "immediate_action_taken",
            "complainant_response",
            "date_complainant_response",
            "survey_reminded_date",
            "survey_answered_date",
            "closed_date",
            "date_closed",
        }
        columns = [
            name
            for name, field in self.env["helpdesk.ticket"]._fields.items()
            if field.store and field.column_type and name not in on_purpose
        ]
        empty = []
        for name in columns:
            self.cr.execute(
                SQL(
                    "SELECT 1 FROM helpdesk_ticket WHERE is_complaint AND %s IS NOT NULL LIMIT 1",
                    SQL.identifier(name),
                )
            )
            if not self.cr.fetchone():
                empty.append(name)
        return empty

    def _check_working_time(self):
        """The generator's deadlines against Odoo's own computation, on a sample."""
        tickets = self.env["helpdesk.ticket"].search(
            [("is_complaint", "=", True), ("deadline_paused_hours", "=", 0)], limit=200
        )
        calendar = self.company.resource_calendar_id
        hours_per_day = calendar.hours_per_day or 8.0
        wrong = 0
        for ticket in tickets:
            policy = ticket.deadline_policy_id
            expected = calendar.plan_hours(
                policy.decision_days * hours_per_day, ticket.date_received, compute_leaves=True
            )
            wrong += abs((expected - ticket.deadline_decision).total_seconds()) > 60
        acknowledged = tickets.filtered("date_acknowledged")
        if "hours_to_acknowledge" not in tickets._fields:
            acknowledged = tickets.browse()
        for ticket in acknowledged:
            expected = calendar.get_work_hours_count(
                ticket.date_received, ticket.date_acknowledged, compute_leaves=True
            )
            wrong += abs(expected - ticket.hours_to_acknowledge) > 0.02
        if wrong:
            say(f"warning: {wrong} generated working times differ from Odoo's on a sample")


class ComplaintFactory:
    """Draws complaints one by one: their life through the ISO steps, then the
    stored values the addon writes along the way (dates of the steps,
    deadlines and their states, assessment, decision, escalations, survey)."""

    def __init__(self, generator, data):
        env = generator.env
        self.env, self.rng, self.now = env, generator.rng, generator.now
        self.data = data
        self.company = generator.company
        calendar = self.company.resource_calendar_id
        self.calendar = WorkCalendar(calendar)
        self.hours_per_day = calendar.hours_per_day or 8.0
        self.policies = {
            (policy.team_id.id, policy.severity or None): policy
            for policy in env["iso10002.deadline.policy"].search([])
        }
        self.matrix_model = env["iso10002.priority.matrix"]
        self.matrix = self.matrix_model._matrix()
        self.rules = {
            key: env.ref(f"odoo_iso10002.iso10002_escalation_rule_{key}")
            for key in (
                "health_safety",
                "acknowledge_breached",
                "decision_due",
                "decision_breached",
                "rejected",
                "reopened",
            )
        }
        self.root_causes = env["iso10002.root.cause"].search([]).ids
        remedies = env["iso10002.remedy.type"].search([])
        self.compensation_remedy = remedies.filtered("is_compensation")[:1].id
        self.other_remedies = (remedies - remedies.filtered("is_compensation")).ids
        self.stages = {
            stage.iso_step: stage
            for stage in env["helpdesk.ticket.stage"].browse(data["stages"].values())
        }
        # the addon's own rule for the state of a deadline; importable once loaded
        from odoo.addons.odoo_iso10002.models.helpdesk_ticket_deadline import (
            deadline_state,
        )

        self.deadline_state = deadline_state
        self.todo_type = env.ref("mail.mail_activity_data_todo").id
        self.ticket_model_id = env["ir.model"]._get_id("helpdesk.ticket")
        # elapsed working time to each step, where the addon stores it
        self.elapsed = "hours_to_acknowledge" in env["helpdesk.ticket"]._fields
        self.remedies, self.escalations, self.activities = [], [], []

    def received_dates(self, count):
        """Over the last 24 months; three in four on a working day, in office hours."""
        rng, now = self.rng, self.now
        dates = []
        for _index in range(count):
            moment = now - timedelta(seconds=int(rng.uniform(3600, TWO_YEARS)))
            if rng.random() < 0.75:
                weekend = max(moment.weekday() - 4, 0)
                day = moment - timedelta(days=weekend)
                moment = day.replace(hour=rng.randint(8, 16), minute=rng.randint(0, 59))
                moment = min(moment, now - timedelta(hours=1))
            dates.append(moment)
        return sorted(dates)

    def _after(self, start, mean_hours, factor=1):
        return self.calendar.plan(start, self.rng.expovariate(1 / mean_hours) * factor)

    def _life(self, received, auto_acknowledged):
        """When each step is entered, when the complainant rejected the
        decision, and the pauses while the complainant's answer is awaited."""
        rng = self.rng
        slow = 6 if rng.random() < 0.03 else 1  # some complaints drag on
        dates = {"received": received}
        if auto_acknowledged:
            dates["acknowledged"] = received + timedelta(seconds=rng.randint(5, 120))
        else:
            dates["acknowledged"] = self._after(received, 6, slow)
        for previous, step, mean in (
            ("acknowledged", "assessment", 6),
            ("assessment", "investigation", 10),
            ("investigation", "response", 36),
            ("response", "decision_communicated", 20),
        ):
            dates[step] = self._after(dates[previous], mean, slow)
        life = {"dates": dates, "rejections": [], "pauses": [], "response": None}
        if rng.random() < 0.04:
            withdrawn_in = rng.choice(STEPS[1:5])
            for later in STEPS[STEPS.index(withdrawn_in) + 1 : 6]:
                dates.pop(later)
            dates["closed"] = self._after(dates[withdrawn_in], 8)
            life["withdrawn"] = True
            return life
        life["withdrawn"] = False
        roll = rng.random()
        communicated = dates["decision_communicated"]
        for _rejection in range(2 if roll < 0.01 else 1 if roll < 0.07 else 0):
            rejected = communicated + timedelta(days=rng.uniform(1, 10))
            life["pauses"].append((communicated, rejected))
            life["rejections"].append(rejected)
            communicated = self._after(rejected, 30)
        answer_days = self.company.iso10002_answer_days
        waited = min(rng.expovariate(1 / 4), answer_days + 0.5)
        dates["closed"] = communicated + timedelta(days=waited)
        life["pauses"].append((communicated, dates["closed"]))
        life["response"] = "no_answer" if waited > answer_days else "accepted"
        return life

    def _today(self, life):
        """Where the complaint stands now: its step, the steps done (first
        entries), re-openings and the state of the clock."""
        now = self.now
        dates = life["dates"]
        done = {step: dates[step] for step in STEPS if step in dates and dates[step] <= now}
        step = list(done)[-1]
        reopened = sum(1 for rejected in life["rejections"] if rejected <= now)
        if reopened and life["pauses"][reopened][0] > now:
            # re-opened: back to investigation until the next decision
            step = self.rng.choice(["investigation", "response"])
            done.pop("closed", None)
        paused_since = next((s for s, end in life["pauses"] if s <= now < end), None)
        if paused_since:
            step = "decision_communicated"
        done.pop("received")
        paused_hours = sum(
            self.calendar.hours_between(start, end) for start, end in life["pauses"] if end <= now
        )
        return {
            "step": step,
            "done": done,
            "reopened": reopened,
            "paused_since": paused_since,
            "paused_hours": paused_hours,
        }

    def _deadlines(self, team, severity, health_safety, received, today):
        """Deadlines as the addon computes them: acknowledgement by the policy
        at receipt (fixed once met), decision and closing by the policy of the
        assessed severity, closing pushed back by the pauses."""
        default = self.policies[(team, None)]
        policy = self.policies.get((team, severity)) or default
        at_receipt = policy if health_safety else default
        plan, per_day = self.calendar.plan, self.hours_per_day
        deadlines = {
            "deadline_acknowledge": plan(received, at_receipt.acknowledge_hours),
            "deadline_decision": plan(received, policy.decision_days * per_day),
            "deadline_close": plan(received, policy.close_days * per_day + today["paused_hours"]),
        }
        done = today["done"]
        closed = done.get("closed")
        at = today["paused_since"] or self.now
        for field, done_step in (
            ("deadline_acknowledge", "acknowledged"),
            ("deadline_decision", "decision_communicated"),
            ("deadline_close", "closed"),
        ):
            deadlines[f"{field}_state"] = self.deadline_state(
                deadlines[field], done.get(done_step) or closed, at, policy.at_risk_hours
            )
        deadlines["deadline_policy_id"] = policy.id
        return deadlines

    def _escalate(self, ticket_id, rule_key, at):
        """A log line of the rule, if it fired by now; returns the level reached."""
        rule = self.rules[rule_key]
        if at > self.now:
            return 0
        self.escalations.append(
            {
                "ticket_id": ticket_id,
                "rule_id": rule.id,
                "level": rule.level,
                "date": at,
                "reason": "generated by the bench",
                "company_id": self.company.id,
                "create_uid": SUPERUSER_ID,
                "create_date": at,
                "write_uid": SUPERUSER_ID,
                "write_date": at,
            }
        )
        return rule.level

    def _escalations(self, ticket_id, health_safety, deadlines, today, life):
        """What the hourly cron escalated over the complaint's life."""
        done, now = today["done"], self.now
        closed = done.get("closed")
        minutes = timedelta(minutes=self.rng.randint(1, 59))
        hour = timedelta(hours=1)
        checks = [
            ("health_safety", health_safety, life["dates"]["received"]),
            (
                "acknowledge_breached",
                (done.get("acknowledged") or closed or now)
                > deadlines["deadline_acknowledge"] + hour,
                deadlines["deadline_acknowledge"] + minutes,
            ),
        ]
        decided = done.get("decision_communicated") or closed or now
        decision_deadline = deadlines["deadline_decision"]
        checks += [
            (
                "decision_due",
                decided > decision_deadline - 23 * hour,
                decision_deadline - 24 * hour + minutes,
            ),
            ("decision_breached", decided > decision_deadline + hour, decision_deadline + minutes),
        ]
        rejections = life["rejections"]
        checks += [
            ("rejected", today["reopened"] >= 1, rejections[:1] and rejections[0]),
            ("reopened", today["reopened"] >= 2, rejections[1:2] and rejections[1]),
        ]
        return max(
            [self._escalate(ticket_id, rule, at) for rule, due, at in checks if due], default=0
        )

    def _outcome(self, ticket_id, today, life):
        """Decision, remedies and compensation, once decided."""
        rng = self.rng
        done = today["done"]
        values = {"decision": None, "compensation_amount": 0.0}
        if life["withdrawn"]:
            values["decision"] = "withdrawn" if "closed" in done else None
            return values
        if "decision_communicated" not in done:
            return values
        decision = rng.choices(["upheld", "partially_upheld", "not_upheld"], (50, 25, 25))[0]
        values.update(decision=decision, decision_text="<p>We replace the product.</p>")
        if decision == "not_upheld":
            return values
        chosen = rng.sample(self.other_remedies, rng.randint(1, 2))
        if rng.random() < 0.15:
            chosen.append(self.compensation_remedy)
            amount = float(rng.choice([20, 50, 100, 150, 250, 400, 600, 1200]))
            values["compensation_amount"] = amount
            if amount > self.company.iso10002_compensation_limit:
                values["approved_by_id"] = self.data["manager_id"]
                values["date_approved"] = done.get("response")
        self.remedies += [
            {"helpdesk_ticket_id": ticket_id, "iso10002_remedy_type_id": remedy}
            for remedy in chosen
        ]
        return values

    def _answer(self, today, life, decision):
        """The complainant's answer to the decision, and the satisfaction survey."""
        rng, now = self.rng, self.now
        closed = today["done"].get("closed")
        reopened = today["reopened"]
        values = {"reopen_count": reopened, "satisfaction_score": 0.0}
        if reopened:
            values["rejection_reason"] = "The remedy is not enough."
        if closed and decision != "withdrawn":
            values["complainant_response"] = life["response"]
            values["date_complainant_response"] = closed
        elif reopened and not today["paused_since"]:
            values["complainant_response"] = "rejected"
            values["date_complainant_response"] = life["rejections"][reopened - 1]
        if not closed or decision == "withdrawn" or not life["named"]:
            return values
        values["survey_invited_date"] = closed
        if rng.random() < 0.35:
            answered = closed + timedelta(hours=rng.expovariate(1 / 48))
            if answered <= now:
                values["survey_answered_date"] = answered
                values["satisfaction_score"] = round(min(max(rng.gauss(68, 22), 0), 100), 1)
        if "survey_answered_date" not in values and closed + timedelta(days=5) <= now:
            values["survey_reminded_date"] = closed + timedelta(days=5)
        return values

    def _elapsed(self, received, today):
        done, hours = today["done"], self.calendar.hours_between
        closing = hours(received, done.get("closed", received)) - today["paused_hours"]
        return {
            "hours_to_acknowledge": hours(received, done.get("acknowledged", received)),
            "days_to_decision": hours(received, done.get("decision_communicated", received))
            / self.hours_per_day,
            "days_to_close": max(closing, 0.0) / self.hours_per_day,
        }

    def row(self, ticket_id, index, received):
        rng, data = self.rng, self.data
        team = rng.choices(data["complaint_team_ids"], weights=(50, 30, 20))[0]
        handlers = data["team_handlers"][team]
        partner = None if rng.random() < 0.02 else rng.choice(data["customers"])
        channel = rng.choices(["email", "web", "phone", "form", "other"], (45, 20, 20, 10, 5))[0]
        health_safety = rng.random() < 0.015
        severity = "4" if health_safety else rng.choices("1234", (35, 40, 20, 5))[0]
        impact = rng.choices("123", (40, 45, 15))[0]
        immediate = health_safety or rng.random() < 0.04
        life = self._life(received, bool(partner) and channel in ("email", "web", "form"))
        life["named"] = bool(partner)
        today = self._today(life)
        step, done = today["step"], today["done"]
        assessed = STEPS.index(step) >= STEPS.index("investigation") or (
            step == "assessment" and rng.random() < 0.5
        )
        if not (assessed or health_safety):
            severity = None
        handler = handlers[0] if health_safety else rng.choice(handlers)  # the team leader
        deadlines = self._deadlines(team, severity, health_safety, received, today)
        outcome = self._outcome(ticket_id, today, life)
        stage = self.stages[step]
        number = f"CMP/{received.year}/{index + 1:05d}"
        subject = rng.choice(SUBJECTS)
        entered = done.get(step, received)
        if today["reopened"] and step in ("investigation", "response"):
            entered = life["rejections"][today["reopened"] - 1]
        entered = today["paused_since"] or entered
        row = {
            "id": ticket_id,
            "number": number,
            "name": subject,
            "description": f"<p>{subject}. Order SO{ticket_id:06d}.</p>",
            "company_id": self.company.id,
            "currency_id": self.company.currency_id.id,
            "team_id": team,
            "user_id": handler if step != "received" or rng.random() < 0.7 else None,
            "stage_id": stage.id,
            "iso_step": step,
            "is_complaint": True,
            "active": True,
            "sequence": 10,
            "color": 0,
            "kanban_state": "normal",
            "unattended": stage.unattended,
            "priority": severity
            and self.matrix_model._priority_for(
                self.matrix, severity, impact, health_safety, immediate
            )
            or "1",
            "partner_id": partner and partner[0],
            "commercial_partner_id": partner and partner[1],
            "partner_name": partner[2] if partner else "Anonymous complainant",
            "partner_email": partner and partner[3],
            "partner_phone": partner and partner[4],
            "is_anonymous": not partner,
            "preferred_contact": "email" if partner else "phone",
            "channel_id": data["channels"][channel],
            "category_id": rng.choices(data["category_ids"], [w for _n, w in CATEGORIES])[0],
            "order_reference": f"SO{ticket_id:06d}",
            "requested_remedy": "Replace the product or refund me.",
            "date_received": received,
            "create_date": received,
            "create_uid": handler,
            "write_date": entered,
            "write_uid": handler,
            "last_stage_update": entered,
            "assigned_date": done.get("acknowledged", received),
            "closed_date": done.get("closed"),
            "severity": severity,
            "impact": severity and impact,
            "complexity": severity and rng.choices("123", (50, 35, 15))[0],
            "health_safety": health_safety,
            "immediate_action_needed": immediate,
            "immediate_action_possible": immediate,
            "immediate_action_taken": "Product recalled from the customer." if immediate else None,
            "investigator_id": handler if "investigation" in done else None,
            "findings": "<p>The carrier dropped the parcel.</p>" if "response" in done else None,
            "root_cause_id": rng.choice(self.root_causes) if "response" in done else None,
            "is_repeat": False,
            "deadline_paused_since": today["paused_since"],
            "deadline_paused_hours": today["paused_hours"],
            "escalation_level": self._escalations(ticket_id, health_safety, deadlines, today, life),
            **{f"date_{s}": done.get(s) for s in STEPS[1:]},
            **deadlines,
            **outcome,
            **self._answer(today, life, outcome["decision"]),
            **(self._elapsed(received, today) if self.elapsed else {}),
        }
        if step != "closed" and rng.random() < 0.6:
            self.activities.append(
                {
                    "res_model_id": self.ticket_model_id,
                    "res_model": "helpdesk.ticket",
                    "res_id": ticket_id,
                    "res_name": f"{number} - {subject}",
                    "activity_type_id": self.todo_type,
                    "summary": "Call the complainant back",
                    "date_deadline": (self.now + timedelta(days=rng.randint(-5, 10))).date(),
                    "user_id": row["user_id"] or handler,
                    "automated": False,
                    "active": True,
                    "create_uid": handler,
                    "create_date": entered,
                    "write_uid": handler,
                    "write_date": entered,
                }
            )
        return row


def _csv_value(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return value


GENERATED_TABLES = (
    "helpdesk_ticket",
    "helpdesk_ticket_iso10002_remedy_type_rel",
    "iso10002_escalation_log",
    "mail_activity",
    "mail_message",
    "mail_followers",
    "mail_followers_mail_message_subtype_rel",
)


def vacuum(dbname, tables):
    """VACUUM ANALYZE, which needs a connection outside of any transaction:
    fresh statistics for the planner and no dead rows left by the bulk writes."""
    _name, info = connection_info_for(dbname)
    connection = psycopg2.connect(**info)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(SQL("VACUUM ANALYZE %s", SQL.identifier(table)).code)
    finally:
        connection.close()


def settle_escalations(env):
    """Escalate, straight in SQL, what the active rules hold for now: the
    state the hourly cron leaves, so that its next run has nothing to do."""
    tickets = env["helpdesk.ticket"].sudo()
    tickets._refresh_due_deadlines()
    now = fields.Datetime.now()
    settled = 0
    for rule in env["iso10002.escalation.rule"].sudo().search([]):
        ids = tickets.search(rule._pending_domain(now)).ids
        if not ids:
            continue
        env.cr.execute(
            SQL(
                """INSERT INTO iso10002_escalation_log (ticket_id, rule_id, level, date, reason,
                                                        company_id, create_uid, create_date,
                                                        write_uid, write_date)
                   SELECT t.id, %(rule)s, %(level)s, %(now)s, 'settled by the bench',
                          t.company_id, 1, %(now)s, 1, %(now)s
                     FROM helpdesk_ticket t WHERE t.id = ANY(%(ids)s)
                   ON CONFLICT DO NOTHING""",
                rule=rule.id,
                level=rule.level,
                now=now,
                ids=ids,
            )
        )
        env.cr.execute(
            SQL(
                """UPDATE helpdesk_ticket SET escalation_level = %s
                    WHERE id = ANY(%s) AND escalation_level < %s""",
                rule.level,
                ids,
                rule.level,
            )
        )
        settled += len(ids)
    env.invalidate_all()
    return settled


# ----------------------------------------------------------------------
# Measurements
# ----------------------------------------------------------------------


def say(message):
    print(f"\033[1m[bench]\033[0m {message}", flush=True)


# where the queries go, to explain a cost: table prefixes grouped by concern
QUERY_FAMILIES = [
    ("mail, chatter and notifications", ("mail_", "bus_", "ir_attachment", "ir_act_report")),
    ("working calendar", ("resource_",)),
    ("stages", ("helpdesk_ticket_stage",)),
    ("deadline policies", ("iso10002_deadline",)),
    ("escalation rules and log", ("iso10002_escalation",)),
    ("contacts and users", ("res_partner", "res_users", "res_company")),
    ("the ticket itself", ("helpdesk_ticket",)),
]
TABLE = re.compile(r'(?:FROM|INTO|UPDATE|JOIN)\s+"?(\w+)', re.IGNORECASE)


QUALIFIER = re.compile(r'"\w+"\.(?=")')
SELECT_LIST = re.compile(r"^SELECT\s.{40,}?\sFROM\s", re.DOTALL)


class Profile:
    """The statements run during measurements: count and SQL time per statement
    text (parameters apart), to say where the time and the queries go."""

    def __init__(self):
        self.statements = {}

    def add(self, query, params, seconds):
        if isinstance(query, SQL):
            query, params = query.code, query.params
        entry = self.statements.setdefault(str(query), [0, 0.0, None])
        entry[0] += 1
        entry[1] += seconds
        entry[2] = params  # the last ones, to explain the statement

    @property
    def sql(self):
        return sum(seconds for _count, seconds, _params in self.statements.values())

    def families(self, per=1):
        """{concern: number of queries}, divided by `per`."""
        counts = {}
        for code, (count, _seconds, _params) in self.statements.items():
            match = TABLE.search(code)
            table = match.group(1) if match else ""
            family = next(
                (name for name, prefixes in QUERY_FAMILIES if table.startswith(prefixes)), "other"
            )
            counts[family] = counts.get(family, 0) + count / per
        return counts

    def slowest(self, count=2, per=1):
        """The statements that took the most time: (seconds / per, text, params)."""
        ordered = sorted(self.statements.items(), key=lambda item: -item[1][1])[:count]
        return [(seconds / per, code, params) for code, (_count, seconds, params) in ordered]

    def slow_count(self, threshold, per=1):
        """How many statements (per `per` runs) took more than `threshold` seconds on average."""
        return sum(
            count / per
            for count, seconds, _params in self.statements.values()
            if seconds / count > threshold
        )


def shorten(code):
    """A statement on one line, without the ORM's column lists and table prefixes."""
    code = QUALIFIER.sub("", " ".join(code.split())).replace('"', "")
    return SELECT_LIST.sub("SELECT … FROM ", code)[:200].replace("|", "\\|")


def families_text(counts, sign=""):
    ordered = sorted(counts.items(), key=lambda item: -item[1])
    return ", ".join(f"{name} {sign}{count:.0f}" for name, count in ordered if round(count))


def slowest_text(profile, scans, per=1):
    """The slowest statements, each with the large tables it reads whole."""
    texts = []
    for seconds, code, _params in profile.slowest(per=per):
        text = f"{seconds * 1000:.0f} ms `{shorten(code)}`"
        if scans.get(code):
            text += f" (reads all of {', '.join(scans[code])})"
        texts.append(text)
    return "; ".join(texts)


def full_scans(cr, code, params):
    """The tables of more than 10,000 rows that PostgreSQL's plan for the
    statement reads sequentially: where the time grows with the data set."""
    if not code.lstrip().upper().startswith(("SELECT", "WITH")):
        return []
    try:
        with cr.savepoint(flush=False):
            # the statement as the ORM ran it, with its own parameters
            cr.execute("EXPLAIN " + code, params)
            plan = "\n".join(line for (line,) in cr.fetchall())
    except psycopg2.Error:  # e.g. a table created in the rolled-back transaction
        return []
    tables = sorted(set(re.findall(r"Seq Scan on (\w+)", plan)))
    if not tables:
        return []
    cr.execute(
        "SELECT relname FROM pg_class WHERE relname = ANY(%s) AND reltuples > 10000", [tables]
    )
    return [name for (name,) in cr.fetchall()]


class Row:
    """One line of the table: a figure, its queries, its target."""

    def __init__(
        self,
        key,
        measure,
        seconds=None,
        queries=None,
        target=None,
        unit="ms",
        note=None,
        profile=None,
    ):
        self.key = key  # the same at every size, to compare runs
        self.measure = measure
        self.seconds = seconds
        self.queries = queries
        self.target = target  # (value, unit): unit "ratio", "s" or "ms"
        self.unit = unit
        self.note = note
        self.profile = profile  # the statements of one run

    def figure(self):
        if self.seconds is None:
            return self.note or "n/a"
        if self.unit == "ratio":
            return f"{self.seconds:.2f}×"
        if self.unit == "s":
            return f"{self.seconds:.2f} s"
        if self.unit == "ms/record":
            return f"{self.seconds * 1000:.1f} ms/record"
        return f"{self.seconds * 1000:.0f} ms"

    def queries_text(self):
        if self.queries is None:
            return "—"
        if self.unit == "ratio":
            return f"{self.queries:.1f}×"
        if isinstance(self.queries, float) and not self.queries.is_integer():
            return f"{self.queries:.1f}"
        return f"{int(self.queries):,}"

    def target_text(self):
        if not self.target:
            return "—"
        value, unit = self.target
        if unit == "ratio":
            return f"≤ {value:g}×"
        if unit == "s":
            return f"< {value:g} s"
        return f"< {value:g} ms"

    def missed(self):
        """The factor by which the target is missed, None when it is met or unset."""
        if not self.target or self.seconds is None:
            return None
        value, unit = self.target
        figure = {"ratio": self.seconds, "s": self.seconds, "ms": self.seconds * 1000}[unit]
        return figure / value if figure > value else None

    def verdict(self):
        if not self.target or self.seconds is None:
            return "—"
        missed = self.missed()
        return f"❌ ×{missed:.1f}" if missed else "✅"

    def as_dict(self):
        return {
            "key": self.key,
            "measure": self.measure,
            "seconds": self.seconds,
            "queries": self.queries,
            "figure": self.figure(),
            "target": self.target_text(),
            "verdict": self.verdict(),
        }


class Bench:
    def __init__(self, registry, size):
        self.registry = registry
        self.size = size
        self.rows = []
        self.facts = {}
        with self.transaction() as env:
            params = env["ir.config_parameter"].sudo()
            self.data = json.loads(params.get_param(PARAM_DATA))
            self.generation = json.loads(params.get_param(PARAM_GENERATION))
            settled = settle_escalations(env)
            env.cr.commit()
            if settled:
                say(f"{settled} escalations fell due since the data set was made: settled")
            self.company_id = env.ref("base.main_company").id

    @contextmanager
    def transaction(self, uid=SUPERUSER_ID, context=None):
        """A new cursor whose work is rolled back at the end."""
        cr = self.registry.cursor()
        try:
            env = api.Environment(cr, uid, {"lang": "en_US", "tz": "UTC", **(context or {})})
            yield env
        finally:
            cr.rollback()
            cr.close()

    @staticmethod
    def measure(env, func, profile):
        """Seconds and queries of func(), with the flush and the precommit
        hooks (tracking) a request runs when it commits; its statements are
        added to `profile`."""
        cr = env.cr
        env.flush_all()
        execute = cr.execute

        def timed(query, params=None, log_exceptions=True):
            started = time.perf_counter()
            try:
                return execute(query, params, log_exceptions)
            finally:
                profile.add(query, params, time.perf_counter() - started)

        cr.execute = timed
        queries = cr.sql_log_count
        started = time.perf_counter()
        try:
            func()
            cr.flush()
            env.flush_all()
        finally:
            del cr.execute
        return time.perf_counter() - started, cr.sql_log_count - queries

    def repeated(self, env, func):
        """Median time and queries of REPEAT runs after a warm-up, each with an
        empty ORM cache, as a new request has; and the profile of the last run."""
        runs = []
        for _run in range(REPEAT + 1):
            env.invalidate_all()
            profile = Profile()
            runs.append(self.measure(env, func, profile))
        runs = runs[1:]
        seconds = statistics.median(run[0] for run in runs)
        return seconds, statistics.median(run[1] for run in runs), profile

    # 1. intake

    def intake(self):
        data = self.data
        team = data["complaint_team_ids"][0]
        kinds = {
            "plain": {"team_id": data["plain_team_id"]},
            "complaint": {"team_id": team},
            "complaint_no_ack": {"team_id": team},
        }
        with self.transaction() as env:
            handler = env["res.users"].browse(data["handlers"][0])
            partners = env["res.partner"].search(
                [("email", "=like", "customer%@bench.example.com")], limit=500
            )
            tickets = env["helpdesk.ticket"].with_user(handler)
            phone = data["channels"]["phone"]
            counter = iter(range(10**6))
            mails = env["mail.mail"].sudo()

            profiles = {kind: Profile() for kind in kinds}

            def create(kind, profile=None):
                index = next(counter)
                values = {
                    "name": f"Bench intake {index}",
                    "description": "<p>The parcel arrived damaged; the lamp inside is broken.</p>",
                    "partner_id": partners[index % len(partners)].id,
                    "channel_id": phone,
                    "category_id": data["category_ids"][index % len(data["category_ids"])],
                    **kinds[kind],
                }
                seconds, queries = self.measure(
                    env, lambda: tickets.create(values), profile or Profile()
                )
                env.invalidate_all()
                return seconds, queries

            totals = {kind: [0.0, 0] for kind in kinds}
            mail_count = {}
            for kind in kinds:  # warm-up
                for _index in range(30):
                    create(kind)
            # interleaved in blocks, so that a drift of the machine hits all kinds alike
            for block in range(10):
                for kind in ("plain", "complaint", "complaint_no_ack"):
                    env["helpdesk.ticket.team"].browse(team).sudo().write(
                        {"complaint_auto_acknowledge": kind != "complaint_no_ack"}
                    )
                    env.flush_all()
                    before = mails.search_count([])
                    for _index in range(INTAKE_RECORDS // 10):
                        seconds, queries = create(kind, profiles[kind])
                        totals[kind][0] += seconds
                        totals[kind][1] += queries
                    mail_count[kind] = mail_count.get(kind, 0) + mails.search_count([]) - before
                say(f"intake: block {block + 1}/10")
        plain_families = profiles["plain"].families(per=INTAKE_RECORDS)
        self.facts["intake_families"] = {
            family: count - plain_families.get(family, 0)
            for family, count in profiles["complaint"].families(per=INTAKE_RECORDS).items()
            if count > plain_families.get(family, 0)
        }
        self.facts["intake_profiles"] = profiles
        per = {kind: (t / INTAKE_RECORDS, q / INTAKE_RECORDS) for kind, (t, q) in totals.items()}
        self.facts["intake_mails"] = mail_count
        plain, complaint, no_ack = per["plain"], per["complaint"], per["complaint_no_ack"]
        self.rows += [
            Row(
                "intake_plain",
                f"Intake: plain ticket ({INTAKE_RECORDS:,} creates)",
                plain[0],
                plain[1],
                unit="ms/record",
            ),
            Row(
                "intake_complaint",
                f"Intake: complaint, acknowledgement mail queued ({INTAKE_RECORDS:,} creates)",
                complaint[0],
                complaint[1],
                unit="ms/record",
            ),
            Row(
                "intake_complaint_no_ack",
                f"Intake: complaint, automatic acknowledgement off ({INTAKE_RECORDS:,} creates)",
                no_ack[0],
                no_ack[1],
                unit="ms/record",
            ),
        ]
        ratio = Row(
            "intake_ratio",
            "Intake: complaint ÷ plain ticket",
            complaint[0] / plain[0],
            round(complaint[1] / plain[1], 1),
            target=(TARGET_INTAKE_RATIO, "ratio"),
            unit="ratio",
        )
        self.rows.append(ratio)
        self.facts["intake"] = per

    # 2. escalation

    def _make_due(self, env, count):
        """`count` complaints whose acknowledgement deadline passed unmet and
        that the rule has not escalated: open ones first."""
        rule = env.ref("odoo_iso10002.iso10002_escalation_rule_acknowledge_breached")
        env.cr.execute(
            SQL(
                """WITH due AS (
                       SELECT t.id FROM helpdesk_ticket t
                        WHERE t.is_complaint AND NOT EXISTS (
                              SELECT 1 FROM iso10002_escalation_log l
                               WHERE l.ticket_id = t.id AND l.rule_id = %(rule)s
                                 AND l.level = %(level)s)
                        ORDER BY t.iso_step = 'closed', t.date_received DESC
                        LIMIT %(count)s)
                   UPDATE helpdesk_ticket t
                      SET stage_id = %(stage)s, iso_step = 'received', date_acknowledged = NULL,
                          date_closed = NULL, closed_date = NULL, deadline_paused_since = NULL,
                          deadline_acknowledge = %(past)s, deadline_acknowledge_state = 'breached'
                     FROM due WHERE due.id = t.id""",
                rule=rule.id,
                level=rule.level,
                count=count,
                stage=self.data["stages"]["received"],
                past=fields.Datetime.now() - timedelta(hours=2),
            )
        )
        assert env.cr.rowcount == count, env.cr.rowcount
        env.invalidate_all()
        return rule

    def _open_all(self, env):
        """Every complaint open, in investigation, with its deadlines ahead."""
        later = fields.Datetime.now() + timedelta(days=30)
        env.cr.execute(
            SQL(
                """UPDATE helpdesk_ticket
                      SET stage_id = %(stage)s, iso_step = 'investigation', date_closed = NULL,
                          closed_date = NULL, date_response = NULL,
                          date_decision_communicated = NULL, deadline_paused_since = NULL,
                          complainant_response = NULL, deadline_decision = %(later)s,
                          deadline_close = %(later)s, deadline_decision_state = 'on_track',
                          deadline_close_state = 'on_track'
                    WHERE is_complaint""",
                stage=self.data["stages"]["investigation"],
                later=later,
            )
        )
        env.cr.execute("ANALYZE helpdesk_ticket")
        env.invalidate_all()

    def _open_count(self, env):
        env.cr.execute(
            "SELECT count(*) FROM helpdesk_ticket WHERE is_complaint AND iso_step != 'closed'"
        )
        return env.cr.fetchone()[0]

    def escalation(self):
        tickets = "helpdesk.ticket"
        with self.registry.cursor() as cr:  # what fell due since: the last hourly run's work
            settle_escalations(api.Environment(cr, SUPERUSER_ID, {}))
        for all_open in (False, True):
            with self.transaction() as env:  # warm-up
                if all_open:
                    self._open_all(env)
                self._make_due(env, 50)
                env[tickets]._cron_escalate()
            for due in (0, DUE_COMPLAINTS):
                with self.transaction() as env:
                    if all_open:
                        self._open_all(env)
                    if due:
                        rule = self._make_due(env, due)
                    open_count = self._open_count(env)
                    env.cr.execute("SELECT count(*) FROM iso10002_escalation_log")
                    logs_before = env.cr.fetchone()[0]
                    profile = Profile()
                    seconds, queries = self.measure(env, env[tickets]._cron_escalate, profile)
                    env.cr.execute("SELECT count(*) FROM iso10002_escalation_log")
                    escalated = env.cr.fetchone()[0] - logs_before
                scope = "every complaint open" if all_open else "the data set as generated"
                say(
                    f"escalation ({scope}): {open_count} open, {escalated} escalated "
                    f"in {seconds:.2f} s, {queries} queries"
                )
                if due and escalated < due:
                    say(f"warning: {due} due but {escalated} escalated by {rule.name}")
                due_text = f"{escalated:,} due" if escalated else "nothing due"
                label = f"Escalation cron: {due_text} among {open_count:,} open complaints"
                self.rows.append(
                    Row(
                        f"escalation_{'all_open' if all_open else 'generated'}_"
                        + ("due" if due else "idle"),
                        label,
                        seconds,
                        queries,
                        (TARGET_CRON_S, "s"),
                        unit="s",
                        profile=profile,
                    )
                )
                self.facts.setdefault("escalation", []).append(
                    {
                        "open": open_count,
                        "escalated": escalated,
                        "seconds": seconds,
                        "queries": queries,
                        "profile": profile,
                    }
                )
            if all_open:  # the rolled-back update left dead rows and its statistics
                vacuum(self.registry.db_name, ["helpdesk_ticket"])
        with self.transaction() as env:
            env.cr.execute(
                """SELECT count(*) FROM iso10002_escalation_log
                    WHERE date >= now() - interval '30 days'"""
            )
            self.facts["escalations_30_days"] = env.cr.fetchone()[0]

    # 3. management review

    def review(self):
        model = "iso10002.management.review"
        today = fields.Date.today()
        quarter_start = date_utils.get_quarter(today)[0] - relativedelta(months=3)
        month_start = today.replace(day=1)
        periods = [
            ("quarter", quarter_start, quarter_start + relativedelta(months=3, days=-1)),
            ("year", month_start - relativedelta(months=12), month_start - timedelta(days=1)),
        ]
        with self.transaction(self.data["manager_id"]) as env:
            if model not in env:
                for name, _start, _end in periods:
                    self.rows.append(
                        Row(
                            f"review_{name}",
                            f"Management review over a {name}",
                            note="n/a (model not installed)",
                        )
                    )
                return
            for name, start, end in periods:
                review = env[model].create(
                    {"company_id": self.company_id, "date_from": start, "date_to": end}
                )
                seconds, queries, profile = self.repeated(env, review.action_compute)
                target = (TARGET_CRON_S, "s") if name == "quarter" else None
                self.rows.append(
                    Row(
                        f"review_{name}",
                        f"Management review over a {name} ({start} – {end}), both periods",
                        seconds,
                        queries,
                        target,
                        unit="s",
                        profile=profile,
                    )
                )

    # 4. list and kanban

    def _spec(self, env, arch, view_type):
        """The web client's `specification` for the fields of a list or kanban arch."""
        fields = env["helpdesk.ticket"].fields_get(attributes=["type", "relation", "aggregator"])
        root = etree.fromstring(arch)
        nodes = root.iterchildren("field") if view_type == "list" else root.iter("field")
        spec = {}
        activity_dependencies = [
            "activity_exception_decoration",
            "activity_exception_icon",
            "activity_state",
            "activity_summary",
            "activity_type_icon",
            "activity_type_id",
        ]
        for node in nodes:
            name = node.get("name")
            widget = node.get("widget")
            names = [name] + (
                activity_dependencies if widget in ("list_activity", "kanban_activity") else []
            )
            for fname in names:
                field = fields[fname]
                invisible = node.get("invisible") in ("True", "1") or fname != name
                if field["type"] == "many2one":
                    spec[fname] = {"fields": {} if invisible else {"display_name": {}}}
                elif field["type"] in ("one2many", "many2many"):
                    if widget == "many2many_tags" and not invisible:
                        related = {"display_name": {}}
                        color = json.loads((node.get("options") or "{}").replace("'", '"')).get(
                            "color_field"
                        )
                        if color:
                            related[color] = {}
                        spec[fname] = {"fields": related}
                    else:
                        spec.setdefault(fname, {})
                else:
                    spec.setdefault(fname, {})
        aggregates = [
            f"{name}:{fields[name]['aggregator']}"
            for name in spec
            if fields[name].get("aggregator")
        ]
        return spec, aggregates

    def views(self):
        with self.transaction(self.data["manager_id"]) as env:
            context = {
                "lang": "en_US",
                "tz": "UTC",
                "uid": env.uid,
                "allowed_company_ids": [self.company_id],
                "iso10002_complaints": True,
                "search_default_open": 1,
                "bin_size": True,
            }
            tickets = env["helpdesk.ticket"].with_context(context)
            views = tickets.get_views([(False, "list"), (False, "kanban")])["views"]
            list_spec, _aggregates = self._spec(env, views["list"]["arch"], "list")
            kanban_spec, aggregates = self._spec(env, views["kanban"]["arch"], "kanban")
            progress = etree.fromstring(views["kanban"]["arch"]).find("progressbar")
            progress_bar = {
                "field": progress.get("field"),
                "colors": json.loads(progress.get("colors")),
            }
            for key, label, domain in (
                (
                    "open",
                    "open complaints, as the menu opens them",
                    [("is_complaint", "=", True), ("closed", "=", False)],
                ),
                ("all", "all complaints", [("is_complaint", "=", True)]),
            ):

                def list_page(domain=domain):
                    return tickets.web_search_read(
                        domain,
                        list_spec,
                        offset=0,
                        limit=LIST_LIMIT,
                        order="sequence ASC, id ASC",
                        count_limit=COUNT_LIMIT + 1,
                    )

                def kanban_page(domain=domain):
                    groups = tickets.web_read_group(
                        domain,
                        aggregates,
                        ["stage_id"],
                        limit=None,
                        offset=0,
                        orderby="",
                        lazy=True,
                    )
                    tickets.read_progress_bar(domain, "stage_id", progress_bar)
                    opened = [
                        g
                        for g in groups["groups"]
                        if g["stage_id"] and not g.get("__fold") and g["stage_id_count"]
                    ][:10]
                    for group in opened:
                        tickets.with_context(default_stage_id=group["stage_id"][0]).web_search_read(
                            group["__domain"],
                            kanban_spec,
                            offset=0,
                            limit=KANBAN_LIMIT,
                            order="",
                            count_limit=COUNT_LIMIT + 1,
                        )
                    return len(opened)

                target = (TARGET_VIEW_MS, "ms")
                seconds, queries, profile = self.repeated(env, list_page)
                self.rows.append(
                    Row(
                        f"list_{key}",
                        f"List, first page of 80 ({label})",
                        seconds,
                        queries,
                        target,
                        profile=profile,
                    )
                )
                columns = kanban_page()
                seconds, queries, profile = self.repeated(env, kanban_page)
                self.rows.append(
                    Row(
                        f"kanban_{key}",
                        f"Kanban, first page: {columns} columns of up to 40 ({label})",
                        seconds,
                        queries,
                        target,
                        profile=profile,
                    )
                )

    # 5. reporting pivot

    def pivot(self):
        model = "iso10002.complaint.report"
        label = "Reporting pivot: team × month, all complaints"
        with self.transaction(self.data["manager_id"]) as env:
            if model not in env:
                self.rows.append(Row("pivot", label, note="n/a (model not installed)"))
                return
            report = env[model].with_context(allowed_company_ids=[self.company_id])
            seconds, queries, profile = self.repeated(
                env,
                lambda: report.read_group(
                    [], ["__count"], ["team_id", "date_received:month"], lazy=False
                ),
            )
            self.rows.append(Row("pivot", label, seconds, queries, profile=profile))

    def explain_slowest(self):
        """Which of the slowest statements read whole tables, for the notes."""
        profiles = [row.profile for row in self.rows if row.profile and row.missed()]
        profiles += self.facts.get("intake_profiles", {}).values()
        scans = {}
        with self.transaction() as env:
            for profile in profiles:
                for _seconds, code, params in profile.slowest():
                    if code not in scans:
                        scans[code] = full_scans(env.cr, code, params)
        self.facts["scans"] = scans

    def run(self):
        started = time.perf_counter()
        load = [os.getloadavg()[0]]
        for step in (self.intake, self.escalation, self.review, self.views, self.pivot):
            say(f"measuring: {step.__name__}")
            step()
            load.append(os.getloadavg()[0])
        self.facts["seconds"] = time.perf_counter() - started
        self.facts["load"] = load
        self.explain_slowest()


# ----------------------------------------------------------------------
# Report
# ----------------------------------------------------------------------


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


def notes(bench):
    """What the figures say, and why a target is missed."""
    facts, text = bench.facts, []
    scans = facts.get("scans", {})
    if "intake" in facts:
        per, profiles = facts["intake"], facts["intake_profiles"]
        (plain, plain_q), (complaint, complaint_q) = per["plain"], per["complaint"]
        no_ack, no_ack_q = per["complaint_no_ack"]
        ratio = complaint / plain
        mails = facts["intake_mails"].get("complaint", 0)
        text.append(
            f"- **Intake** {'meets' if ratio <= TARGET_INTAKE_RATIO else 'misses'} the "
            f"{TARGET_INTAKE_RATIO:g}× target: a complaint takes {complaint * 1000:.0f} ms and "
            f"{complaint_q:.0f} queries, a plain ticket {plain * 1000:.0f} ms and "
            f"{plain_q:.0f} ({ratio:.2f}×). The complaint does work a plain ticket does not: "
            f"it is acknowledged at once ({mails:,} e-mails queued for {INTAKE_RECORDS:,} "
            "complaints: the stage move with its tracking, the template rendered, the "
            f"message posted, the e-mail queued) — without it a complaint takes "
            f"{no_ack * 1000:.0f} ms and {no_ack_q:.0f} queries ({no_ack / plain:.2f}×) — and "
            "it gets a complaint reference, a priority from the matrix, three deadlines "
            "planned on the working calendar and a repeat-complaint search. Its extra "
            f"queries go to: {families_text(facts['intake_families'], '+')}. SQL takes "
            f"{profiles['complaint'].sql / INTAKE_RECORDS * 1000:.0f} ms of a complaint, "
            f"{profiles['plain'].sql / INTAKE_RECORDS * 1000:.0f} ms of a plain ticket; the "
            "slowest statements per complaint: "
            f"{slowest_text(profiles['complaint'], scans, INTAKE_RECORDS)}; per plain ticket: "
            f"{slowest_text(profiles['plain'], scans, INTAKE_RECORDS)}."
        )
    runs = facts.get("escalation", [])
    due = [run for run in runs if run["escalated"]]
    idle = [run for run in runs if not run["escalated"]]
    if due and idle:
        run, quiet = max(due, key=lambda r: r["open"]), max(idle, key=lambda r: r["open"])
        escalated, profile = run["escalated"], run["profile"]
        per_ms = (run["seconds"] - quiet["seconds"]) / escalated * 1000
        mails = sum(
            count
            for code, (count, _seconds, _params) in profile.statements.items()
            if code.startswith('INSERT INTO "mail_mail"')
        )
        hourly = facts["escalations_30_days"] / (30 * 24)
        text.append(
            f"- **Escalation cron** {'meets' if run['seconds'] < TARGET_CRON_S else 'misses'} "
            f"the {TARGET_CRON_S:g} s target with {escalated:,} complaints due "
            f"({run['seconds']:.1f} s, of which SQL {profile.sql:.1f} s). With nothing due it "
            f"takes {quiet['seconds'] * 1000:.0f} ms and {quiet['queries']} queries over "
            f"{quiet['open']:,} open complaints: finding what is due is a few indexed "
            "searches. The time goes into escalating, about "
            f"{per_ms:.0f} ms and {(run['queries'] - quiet['queries']) / escalated:.0f} queries "
            f"per complaint: {families_text(profile.families(per=escalated))} — the log line, "
            "the level written with its tracking message, a note mentioning the team leader "
            f"and a to-do assigned to them (e-mails queued per complaint: {mails / escalated:.0f}; "
            "the team leader is notified by e-mail). It grows with the number "
            "escalated, not with the number of complaints. In this data set the rules "
            f"escalated {facts['escalations_30_days']:,} complaints over the last 30 days, "
            f"{hourly:.1f} per hourly run on average: {escalated:,} at once is a backlog crisis, "
            f"which the cron works through in {run['seconds']:.0f} s."
        )
    for row in bench.rows:
        missed = row.missed()
        if not missed or row.unit in ("ratio",) or row.measure.startswith("Escalation"):
            continue
        slow = row.profile.slow_count(0.02)
        text.append(
            f"- **{row.measure}** misses its target by ×{missed:.1f} ({row.figure()}): SQL "
            f"takes {row.profile.sql * 1000:.0f} ms of it in {row.queries_text()} statements"
            + (f", {slow:.0f} of them over 20 ms each" if slow else "")
            + f". The slowest: {slowest_text(row.profile, scans)}."
        )
    text.append(
        "- **Query counts** of searches, reviews, views and reports are a fixed number of "
        "SQL statements (domains, `_read_group`, the SQL view), whatever the number of "
        "complaints; those of the escalation cron grow with the complaints escalated, and "
        "those of the kanban with the number of columns shown. The comparison with another "
        "size, when one was measured on this machine, is below. Time, though, does grow "
        "with the size wherever a statement has to read every complaint: see the slowest "
        "statements above."
    )
    return "\n".join(text)


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
- Escalation: `_cron_escalate()` as the cron runs it, after a warm-up run; complaints
  are made due by breaching their acknowledgement deadline in SQL. “Every complaint
  open” first moves all complaints back to Investigation with their deadlines ahead.
- Reviews, list, kanban and pivot: the median of 5 runs after a warm-up, as the
  complaints manager, each with an empty ORM cache. List and kanban send what the web
  client sends: `web_search_read` with the fields of the views (80 rows, count up to
  10,001); `web_read_group` by stage, `read_progress_bar`, then `web_search_read` of
  40 cards for each unfolded column."""


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
    results_dir = Path(__file__).resolve().parent.parent / ".odoo" / "bench"
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
        "Generated by `make bench` (`scripts/bench.sh`, `scripts/bench.py`); do not edit by hand.",
        f"Run on {now} UTC over **{facts['complaints']:,} complaints**.",
        "",
        table(bench.rows),
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
