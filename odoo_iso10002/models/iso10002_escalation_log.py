import pytz

from odoo import api, fields, models
from odoo.tools import SQL


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
    def _claim(self, complaint, rule, date, reason):
        """Log the escalation of `complaint` by `rule` at its level, unless
        one is logged already; returns the new log, or an empty recordset.

        The unique key decides in the database, so that two runs at once
        escalate a complaint once: a log this transaction can see makes the
        insert do nothing; one committed by a concurrent transaction since
        this one started raises a serialization failure, not logged, for the
        caller to try again in a new transaction."""
        now = self.env.cr.now()
        self.env.cr.execute(
            SQL(
                """INSERT INTO iso10002_escalation_log
                       (ticket_id, rule_id, level, date, day, reason, company_id,
                        create_uid, create_date, write_uid, write_date)
                   VALUES (%s, %s, %s, %s,
                           (%s AT TIME ZONE 'UTC' AT TIME ZONE %s)::date,
                           %s, %s, %s, %s, %s, %s)
                   ON CONFLICT (ticket_id, rule_id, level) DO NOTHING
                   RETURNING id""",
                complaint.id,
                rule.id,
                rule.level,
                date,
                date,
                complaint.company_id._iso10002_tz(),
                reason,
                complaint.company_id.id or None,
                self.env.uid,
                now,
                self.env.uid,
                now,
            ),
            log_exceptions=False,
        )
        log = self.browse(row[0] for row in self.env.cr.fetchall())
        if log:
            complaint.invalidate_recordset(["escalation_ids"])
        return log
