from odoo import fields, models, tools
from odoo.tools import SQL

from ..const import DEADLINE_STATES, DECISIONS, ISO_STEPS, LEVELS, SEVERITIES
from ..models.iso10002_kpi import AGE_BUCKETS


class Iso10002ComplaintReport(models.Model):
    """One row per complaint, with the measures and dimensions of the complaints
    analysis (ISO 10002 8.2, 8.4). Its id is the complaint's id."""

    _name = "iso10002.complaint.report"
    _description = "Complaints Analysis"
    _auto = False
    _rec_name = "number"
    _order = "date_received desc"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Complaint", readonly=True)
    number = fields.Char(string="Reference", readonly=True)
    name = fields.Char(string="Subject", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    user_id = fields.Many2one("res.users", string="Handler", readonly=True)
    category_id = fields.Many2one("helpdesk.ticket.category", readonly=True)
    channel_id = fields.Many2one("helpdesk.ticket.channel", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    stage_id = fields.Many2one("helpdesk.ticket.stage", readonly=True)
    iso_step = fields.Selection(ISO_STEPS, string="ISO 10002 Step", readonly=True)
    is_open = fields.Boolean(string="Open", readonly=True)
    severity = fields.Selection(SEVERITIES, readonly=True)
    health_safety = fields.Boolean(string="Health & Safety", readonly=True)
    complexity = fields.Selection(LEVELS, readonly=True)
    impact = fields.Selection(LEVELS, readonly=True)
    root_cause_id = fields.Many2one("iso10002.root.cause", readonly=True)
    decision = fields.Selection(DECISIONS, readonly=True)
    remedy_type_ids = fields.Many2many(
        "iso10002.remedy.type",
        relation="helpdesk_ticket_iso10002_remedy_type_rel",
        column1="helpdesk_ticket_id",
        column2="iso10002_remedy_type_id",
        string="Remedies",
        readonly=True,
    )
    is_repeat = fields.Boolean(string="Repeat Complaint", readonly=True)
    date_received = fields.Datetime(string="Received On", readonly=True)
    date_closed = fields.Datetime(string="Closed On", readonly=True)
    # The periods and month groupings of the analysis: the company's days,
    # whatever the time zone of the browser.
    received_day = fields.Date(
        string="Day of Receipt",
        readonly=True,
        help="The day the complaint was received, in the company's time zone "
        "(that of its working hours).",
    )
    closed_day = fields.Date(
        string="Day of Closing",
        readonly=True,
        help="The day the complaint was closed, in the company's time zone "
        "(that of its working hours).",
    )
    acknowledged_day = fields.Date(string="Day of Acknowledgement", readonly=True)
    decision_day = fields.Date(string="Day of Decision", readonly=True)
    survey_day = fields.Date(string="Day of Survey", readonly=True)
    hours_to_acknowledge = fields.Float(
        string="Working Hours to Acknowledge", readonly=True, aggregator="avg"
    )
    days_to_decision = fields.Float(
        string="Working Days to Decision", readonly=True, aggregator="avg"
    )
    days_to_close = fields.Float(string="Working Days to Close", readonly=True, aggregator="avg")
    deadline_acknowledge_state = fields.Selection(
        DEADLINE_STATES, string="Acknowledgement Deadline", readonly=True
    )
    deadline_decision_state = fields.Selection(
        DEADLINE_STATES, string="Decision Deadline", readonly=True
    )
    deadline_close_state = fields.Selection(
        DEADLINE_STATES, string="Closing Deadline", readonly=True
    )
    # 100 when the step was done by its deadline, 0 when late, empty without a
    # deadline or not done: their average is the management review's % on time.
    acknowledged_on_time = fields.Float(
        string="Acknowledged on Time (%)", readonly=True, aggregator="avg"
    )
    decision_on_time = fields.Float(string="Decisions on Time (%)", readonly=True, aggregator="avg")
    closed_on_time = fields.Float(string="Closed on Time (%)", readonly=True, aggregator="avg")
    # the age of a complaint not closed yet, as the review's backlog counts it
    open_age = fields.Selection(
        [
            (bucket[0], label)
            for bucket, label in zip(
                AGE_BUCKETS,
                ["Up to 7 days", "8 to 30 days", "31 to 90 days", "More than 90 days"],
                strict=True,
            )
        ],
        string="Open For",
        readonly=True,
    )
    breached_count = fields.Integer(string="Deadlines Breached", readonly=True)
    escalation_level = fields.Integer(readonly=True, aggregator="max")
    reopen_count = fields.Integer(string="Reopened", readonly=True)
    satisfaction_score = fields.Float(readonly=True, aggregator="avg")
    compensation_amount = fields.Monetary(
        string="Compensation", currency_field="currency_id", readonly=True
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    # for the confidentiality rule, the same as the complaints'
    is_confidential = fields.Boolean(string="Confidential", readonly=True)
    subject_user_id = fields.Many2one("res.users", string="Complaint About", readonly=True)
    subject_user_may_read = fields.Boolean(string="Person Concerned May Read It", readonly=True)

    def init(self):
        # Measures of a step not reached are NULL, so that averages skip them.
        # The company's time zone is the rule of res.company._iso10002_tz: its
        # working calendar's, else its contact's, else UTC.
        tools.drop_view_if_exists(self.env.cr, self._table)
        query = SQL(
            """
            CREATE VIEW %s AS
            SELECT t.id, t.id AS ticket_id, t.number, t.name, t.company_id, t.team_id,
                   t.user_id, t.category_id, t.channel_id,
                   COALESCE(t.commercial_partner_id, t.partner_id) AS partner_id,
                   t.stage_id, t.iso_step, t.iso_step != 'closed' AS is_open,
                   t.severity, t.health_safety, t.complexity, t.impact, t.root_cause_id,
                   t.decision, t.is_repeat, t.date_received, t.date_closed,
                   (t.date_received AT TIME ZONE 'UTC' AT TIME ZONE company_tz.tz)::date
                       AS received_day,
                   (t.date_closed AT TIME ZONE 'UTC' AT TIME ZONE company_tz.tz)::date
                       AS closed_day,
                   (t.date_acknowledged AT TIME ZONE 'UTC' AT TIME ZONE company_tz.tz)::date
                       AS acknowledged_day,
                   (t.date_decision_communicated AT TIME ZONE 'UTC'
                       AT TIME ZONE company_tz.tz)::date AS decision_day,
                   (t.survey_invited_date AT TIME ZONE 'UTC' AT TIME ZONE company_tz.tz)::date
                       AS survey_day,
                   CASE WHEN t.date_acknowledged IS NOT NULL
                        THEN t.hours_to_acknowledge END AS hours_to_acknowledge,
                   CASE WHEN t.date_decision_communicated IS NOT NULL
                        THEN t.days_to_decision END AS days_to_decision,
                   CASE WHEN t.date_closed IS NOT NULL THEN t.days_to_close END AS days_to_close,
                   %s AS acknowledged_on_time, %s AS decision_on_time,
                   %s AS closed_on_time, %s AS open_age,
                   t.deadline_acknowledge_state, t.deadline_decision_state,
                   t.deadline_close_state,
                   (t.deadline_acknowledge_state = 'breached')::int
                   + (t.deadline_decision_state = 'breached')::int
                   + (t.deadline_close_state = 'breached')::int AS breached_count,
                   t.escalation_level, t.reopen_count,
                   CASE WHEN t.survey_answered_date IS NOT NULL
                        THEN t.satisfaction_score END AS satisfaction_score,
                   t.remedy_cost AS compensation_amount,
                   (SELECT currency_id FROM res_company WHERE id = t.company_id) AS currency_id,
                   t.is_confidential, t.subject_user_id, t.subject_user_may_read
              FROM helpdesk_ticket t
              JOIN (SELECT c.id,
                           COALESCE(NULLIF(cal.tz, ''), NULLIF(p.tz, ''), 'UTC') AS tz
                      FROM res_company c
                      LEFT JOIN resource_calendar cal ON cal.id = c.resource_calendar_id
                      LEFT JOIN res_partner p ON p.id = c.partner_id) company_tz
                ON company_tz.id = t.company_id
             WHERE t.is_complaint
            """,
            SQL.identifier(self._table),
            self._on_time("date_acknowledged", "deadline_acknowledge"),
            self._on_time("date_decision_communicated", "deadline_decision"),
            self._on_time("date_closed", "deadline_close"),
            self._open_age(),
        )
        self.env.cr.execute(query)

    def _on_time(self, done, deadline):
        done, deadline = SQL.identifier("t", done), SQL.identifier("t", deadline)
        return SQL(
            "CASE WHEN %s IS NOT NULL AND %s IS NOT NULL THEN CASE WHEN %s <= %s "
            "THEN 100.0 ELSE 0.0 END END",
            done,
            deadline,
            done,
            deadline,
        )

    def _open_age(self):
        # the buckets of the KPI engine's backlog, on the age in days now
        age = SQL("EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC' - t.date_received)) / 86400")
        whens = [
            SQL("WHEN %s <= %s THEN %s", age, high, key)
            for key, _label, _low, high in AGE_BUCKETS
            if high is not None
        ]
        last = AGE_BUCKETS[-1][0]
        return SQL(
            "CASE WHEN t.date_closed IS NULL AND t.date_received IS NOT NULL THEN "
            "CASE %s ELSE %s END END",
            SQL(" ").join(whens),
            last,
        )
