import logging

import pytz

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class Iso10002EscalationLog(models.Model):
    """One escalation of a complaint by a rule: the history auditors read
    (ISO 10002 7.3, 8.4). Written by the system only."""

    _name = "iso10002.escalation.log"
    _description = "Complaint Escalation"
    _order = "date desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        ondelete="cascade",
        index=True,
    )
    # Rules that escalated are archived, not deleted: the history keeps them.
    rule_id = fields.Many2one(
        "iso10002.escalation.rule",
        required=True,
        ondelete="restrict",
        index=True,
    )
    level = fields.Integer(required=True, aggregator="max")
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    # the company's local day of the escalation, for periods of local days
    day = fields.Date(compute="_compute_day", store=True, index=True)
    reason = fields.Text(help="Which of the rule's conditions held, with the values.")
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    # The recipients are told once a run ends, of all it escalated for them.
    digest_pending = fields.Boolean(readonly=True, index=True)

    _sql_constraints = [
        (
            "ticket_rule_level_unique",
            "unique(ticket_id, rule_id, level)",
            "A rule escalates a complaint at most once per level.",
        ),
    ]

    @api.depends("date", "ticket_id.company_id")
    def _compute_day(self):
        for log in self:
            tz = pytz.timezone(log.ticket_id.company_id._iso10002_tz())
            log.day = pytz.utc.localize(log.date).astimezone(tz).date()

    @api.depends("ticket_id", "rule_id", "level")
    def _compute_display_name(self):
        for log in self:
            log.display_name = self.env._(
                "%(complaint)s: level %(level)s (%(rule)s)",
                complaint=log.ticket_id.number,
                level=log.level,
                rule=log.rule_id.name,
            )

    @api.model
    def _claim(self, complaints, rule, date, reasons):
        """Log the escalation of `complaints` by `rule` at its level, in one
        statement, for those it is not logged for yet; returns the complaints
        logged now, which this run owns. `reasons` maps their ids to the
        reason to log.

        The unique key decides in the database, so that two runs at once
        escalate a complaint once: a log this transaction can see makes the
        insert skip it; one committed by a concurrent transaction since this
        one started raises a serialization failure, not logged, for the
        caller to try again in a new transaction."""
        now = self.env.cr.now()
        self.env.cr.execute(
            SQL(
                """INSERT INTO iso10002_escalation_log
                       (ticket_id, rule_id, level, date, day, reason, company_id,
                        digest_pending, create_uid, create_date, write_uid, write_date)
                   SELECT t.id, %(rule)s, %(level)s, %(date)s,
                          (%(date)s AT TIME ZONE 'UTC' AT TIME ZONE r.tz)::date,
                          r.reason, t.company_id, TRUE, %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(ids)s::int[], %(tzs)s::varchar[], %(reasons)s::text[])
                          AS r(ticket_id, tz, reason)
                     JOIN helpdesk_ticket t ON t.id = r.ticket_id
                    ORDER BY t.id
                   ON CONFLICT (ticket_id, rule_id, level) DO NOTHING
                   RETURNING ticket_id""",
                rule=rule.id,
                level=rule.level,
                date=date,
                uid=self.env.uid,
                now=now,
                ids=complaints.ids,
                tzs=[complaint.company_id._iso10002_tz() for complaint in complaints],
                reasons=[reasons[complaint.id] for complaint in complaints],
            ),
            log_exceptions=False,
        )
        claimed = complaints.browse(row[0] for row in self.env.cr.fetchall())
        claimed.invalidate_recordset(["escalation_ids"])
        return complaints & claimed

    def _send_digests(self, now):
        """Tell the recipients of the rules of these logs, still untold, of
        the complaints escalated, in one digest each per rule."""
        for rule, logs in self.filtered("digest_pending").grouped("rule_id").items():
            try:
                with self.env.cr.savepoint():
                    logs.ticket_id._iso_escalation_digest(
                        rule, {log.ticket_id.id: log.reason for log in logs}, now
                    )
                    logs.digest_pending = False
            except Exception:
                # the escalations stand; the next run tells them
                _logger.exception("Escalation digest of the rule “%s” failed", rule.name)
