"""The data set: `size` complaints and as many plain tickets over the last
24 months, drawn with a fixed seed and written in bulk with COPY,
then the rows SQL derives from them (repeat flags, chatter, followers) and
the escalations due by now."""

import csv
import io
import itertools
import json
import random
import time
from datetime import datetime, timedelta

from odoo import fields
from odoo.tools import SQL, split_every

from .complaints import ComplaintFactory
from .database import settle_escalations, vacuum
from .master_data import create_master_data
from .settings import PARAM_DATA, PARAM_GENERATION, PARAM_SIZE, SEED, TWO_YEARS, say
from .tables import STEPS


class Generator:
    """A deterministic data set of `size` complaints, and as many plain
    tickets (helpdesk_mgmt's screens measured beside the complaints' on as many
    records), spread over the last 24 months."""

    def __init__(self, env, size):
        self.env = env
        self.cr = env.cr
        self.size = size
        self.rng = random.Random(SEED)
        self.now = fields.Datetime.now()
        self.company = env.ref("base.main_company")

    def run(self):
        started = self.started = time.perf_counter()
        data = create_master_data(self.env, self.rng, self.size)
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
        self._copy("iso10002_remedy", factory.remedy_lines)
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

    def _done(self, message):
        """A step done, with the time elapsed so far: where a larger size costs."""
        say(f"{message} ({time.perf_counter() - self.started:.0f} s)")

    def _plain_tickets(self, data):
        rng, now = self.rng, self.now
        count = self.size
        first_id = self._ticket_range[1] + 1
        stages = data["plain_stages"]
        received_dates = sorted(
            now - timedelta(seconds=int(rng.uniform(60, TWO_YEARS))) for _index in range(count)
        )
        self.env["ir.sequence"].search([("code", "=", "helpdesk.ticket.sequence")]).write(
            {"number_next": count + 1}
        )
        self._plain_range = (first_id, first_id + count - 1)
        # the complaint's currency until the remedy lines carry theirs
        fields = self.env["helpdesk.ticket"]._fields
        currency = {"currency_id": self.company.currency_id.id} if "currency_id" in fields else {}
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
                **currency,
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
        self._done(f"{count:>8} rows into {table}")

    def _finish(self, data):
        cr = self.cr
        for table in (
            "helpdesk_ticket",
            "iso10002_remedy",
            "iso10002_escalation_log",
            "mail_activity",
        ):
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
        self._done(f"{cr.rowcount:>8} rows into mail_message")
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
        self._done(f"{cr.rowcount:>8} rows into mail_followers")
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
    "iso10002_remedy",
    "iso10002_escalation_log",
    "mail_activity",
    "mail_message",
    "mail_followers",
    "mail_followers_mail_message_subtype_rel",
)
