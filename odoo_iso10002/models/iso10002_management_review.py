from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, date_utils
from odoo.tools.translate import LazyTranslate

from .iso10002_management_review_line import KPI_SECTIONS

_lt = LazyTranslate(__name__)

REVIEW_STATES = [("draft", "Draft"), ("in_review", "In review"), ("done", "Done")]
# Open backlog age buckets, in days: (key, label, lowest age, highest age)
AGE_BUCKETS = [
    ("age_7", _lt("Open up to 7 days"), 0, 7),
    ("age_30", _lt("Open 8 to 30 days"), 7, 30),
    ("age_90", _lt("Open 31 to 90 days"), 30, 90),
    ("age_more", _lt("Open more than 90 days"), 90, None),
]
TOP_CUSTOMERS = 10


def previous_period(date_from, date_to):
    """The period just before [date_from, date_to]: the same number of whole
    months when the period is made of whole months, else the same number of days."""
    after = date_to + timedelta(days=1)
    if date_from.day == 1 and after.day == 1:
        months = relativedelta(after, date_from)
        return date_from - months, date_from - timedelta(days=1)
    return date_from - (after - date_from), date_from - timedelta(days=1)


def rate(part, whole):
    """Percentage, None when there is nothing to rate."""
    return 100.0 * part / whole if whole else None


class Iso10002ManagementReview(models.Model):
    """The periodic review of the complaints-handling process by top
    management (ISO 10002 8.6): a KPI snapshot computed from the data and
    frozen once the review is done, the reviewers' conclusions and decisions,
    and the improvement actions they launch (8.7)."""

    _name = "iso10002.management.review"
    _description = "Management Review of Complaints Handling"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_to desc, id desc"
    _check_company_auto = True

    def _default_period(self):
        today = fields.Date.context_today(self)
        start, _end = date_utils.get_quarter(today)
        return previous_period(start, start + relativedelta(months=3, days=-1))

    name = fields.Char(
        string="Review",
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    team_ids = fields.Many2many(
        "helpdesk.ticket.team",
        string="Complaint Teams",
        domain="[('is_complaint_team', '=', True)]",
        check_company=True,
        help="Empty: every complaint team of the company.",
    )
    date_from = fields.Date(
        string="From", required=True, default=lambda self: self._default_period()[0]
    )
    date_to = fields.Date(
        string="To", required=True, default=lambda self: self._default_period()[1]
    )
    previous_date_from = fields.Date(compute="_compute_previous_period")
    previous_date_to = fields.Date(compute="_compute_previous_period")
    state = fields.Selection(REVIEW_STATES, default="draft", required=True, tracking=True)
    date_review = fields.Date(string="Meeting Date", tracking=True)
    chair_id = fields.Many2one(
        "res.users",
        string="Chaired By",
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
        tracking=True,
    )
    attendee_ids = fields.Many2many(
        "res.users", string="Attendees", domain="[('share', '=', False)]"
    )
    other_attendees = fields.Char(help="Attendees who are not users, e.g. an external auditor.")
    date_computed = fields.Datetime(string="Figures Computed On", readonly=True, copy=False)
    line_ids = fields.One2many(
        "iso10002.management.review.line", "review_id", string="Figures", copy=False
    )
    conclusions = fields.Html(help="Is the complaints-handling process suitable and effective?")
    decisions = fields.Html(help="Decisions and the resources they need.")
    action_ids = fields.Many2many(
        "iso10002.corrective.action",
        "iso10002_corrective_action_review_rel",
        "review_id",
        "action_id",
        string="Improvement Actions",
        check_company=True,
    )

    _sql_constraints = [
        ("period_check", "CHECK (date_from <= date_to)", "The period must end after it starts.")
    ]

    @api.depends("date_from", "date_to")
    def _compute_name(self):
        for review in self:
            review.name = self.env._(
                "Management review %(from)s – %(to)s",
                **{"from": review.date_from, "to": review.date_to},
            )

    @api.depends("date_from", "date_to")
    def _compute_previous_period(self):
        for review in self:
            if review.date_from and review.date_to:
                review.previous_date_from, review.previous_date_to = previous_period(
                    review.date_from, review.date_to
                )
            else:
                review.previous_date_from = review.previous_date_to = False

    def write(self, vals):
        if set(vals) & {"date_from", "date_to", "company_id", "team_ids", "line_ids"}:
            self._check_not_done()
        return super().write(vals)

    def unlink(self):
        self._check_not_done()
        return super().unlink()

    def _check_not_done(self):
        if any(review.state == "done" for review in self):
            raise UserError(self.env._("A completed management review cannot change."))

    def action_compute(self):
        """Take the KPI snapshot of the period and of the previous one."""
        self._check_not_done()
        for review in self:
            current = review._kpi_figures(review.date_from, review.date_to)
            previous = review._kpi_figures(review.previous_date_from, review.previous_date_to)
            review.line_ids.unlink()
            review.write(
                {
                    "line_ids": [
                        fields.Command.create(vals)
                        for vals in review._kpi_line_values(current, previous)
                    ],
                    "date_computed": fields.Datetime.now(),
                }
            )
        return True

    def action_start_review(self):
        if self.filtered(lambda review: not review.date_computed):
            raise UserError(self.env._("Compute the figures before the review starts."))
        self.write({"state": "in_review"})

    def action_done(self):
        if self.filtered(lambda review: review.state != "in_review"):
            raise UserError(self.env._("Only a review in progress can be completed."))
        for review in self:
            review.write(
                {
                    "state": "done",
                    "date_review": review.date_review or fields.Date.context_today(self),
                }
            )

    def action_reset_draft(self):
        self._check_not_done()
        self.write({"state": "draft"})

    def action_print(self):
        return self.env.ref("odoo_iso10002.action_report_management_review").report_action(self)

    # KPI engine: a fixed number of aggregate queries per period, whatever the
    # number of complaints.

    def _kpi_line_values(self, current, previous):
        """Line values for the figures of both periods, matched on their key."""
        self.ensure_one()
        targets = self._kpi_targets()
        previous_by_key = {figure["key"]: figure for figure in previous}
        keys = [figure["key"] for figure in current]
        # a figure of the previous period only, e.g. a channel no longer used
        figures = current + [figure for figure in previous if figure["key"] not in keys]
        sections = [section for section, _label in KPI_SECTIONS]
        lines = []
        for sequence, figure in enumerate(figures):
            is_current = figure["key"] in keys
            before = previous_by_key.get(figure["key"])
            zero = 0.0 if figure["unit"] in ("count", "amount") else None
            value = figure["value"] if is_current else zero
            previous_value = before["value"] if before else zero
            lines.append(
                {
                    "section": figure["section"],
                    "sequence": sections.index(figure["section"]) * 1000 + sequence,
                    "key": figure["key"],
                    "name": figure["name"],
                    "unit": figure["unit"],
                    "currency_id": figure.get("currency_id"),
                    "value": value or 0.0,
                    "value_missing": value is None,
                    "previous_value": previous_value or 0.0,
                    "previous_missing": previous_value is None,
                    "target": targets.get(figure["key"], 0.0),
                }
            )
        return lines

    def _kpi_targets(self):
        """The strictest objective of the reviewed teams, per figure."""
        teams = self._kpi_teams()
        return {
            key: max(teams.mapped(field), default=0.0)
            for key, field in [
                ("acknowledge_on_time", "target_acknowledge_on_time"),
                ("decision_on_time", "target_decision_on_time"),
                ("close_on_time", "target_close_on_time"),
                ("satisfaction_score", "target_satisfaction"),
            ]
        }

    def _kpi_teams(self):
        self.ensure_one()
        if self.team_ids:
            return self.team_ids.sudo()
        return (
            self.env["helpdesk.ticket.team"]
            .sudo()
            .with_context(active_test=False)
            .search([("is_complaint_team", "=", True), ("company_id", "=", self.company_id.id)])
        )

    def _kpi_figures(self, date_from, date_to):
        """Figures of one period: dicts with section, key, name, unit, value."""
        self.ensure_one()
        self.env.flush_all()
        start = datetime.combine(date_from, time.min)
        end = datetime.combine(date_to + timedelta(days=1), time.min)
        scope = SQL(
            "t.is_complaint AND t.company_id = %s AND t.team_id = ANY(%s)",
            self.company_id.id,
            self._kpi_teams().ids,
        )
        figures = []
        for method in (
            self._kpi_volume,
            self._kpi_timeliness,
            self._kpi_backlog,
            self._kpi_escalation,
            self._kpi_outcome,
            self._kpi_satisfaction,
            self._kpi_causes,
            self._kpi_repeat,
            self._kpi_actions,
        ):
            figures += method(scope, start, end)
        return figures

    def _kpi_rows(self, query, *args, **kwargs):
        self.env.cr.execute(SQL(query, *args, **kwargs))
        return self.env.cr.fetchall()

    def _kpi_breakdown(
        self, section, key, scope, start, end, column, comodel=None, labels=None, limit=None
    ):
        """Complaints received in the period, counted by one column, the most
        frequent first."""
        rows = self._kpi_rows(
            """SELECT %s, count(*) FROM helpdesk_ticket t
                WHERE %s AND t.date_received >= %s AND t.date_received < %s
                GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT %s""",
            SQL.identifier("t", column),
            scope,
            start,
            end,
            limit,
        )
        if comodel:
            names = {
                record.id: record.display_name
                for record in self.env[comodel].sudo().browse([r[0] for r in rows if r[0]])
            }
        else:
            names = dict(labels or [])
        return [
            {
                "section": section,
                "key": f"{key}_{value or 'none'}",
                "name": names.get(value) or self.env._("Not set"),
                "unit": "count",
                "value": count,
            }
            for value, count in rows
        ]

    def _selection_labels(self, field_name):
        field = self.env["helpdesk.ticket"]._fields[field_name]
        return dict(field._description_selection(self.env))

    def _figure(self, section, key, name, value, unit="count"):
        return {"section": section, "key": key, "name": name, "unit": unit, "value": value}

    def _kpi_volume(self, scope, start, end):
        _ = self.env._
        total = self._kpi_rows(
            """SELECT count(*) FROM helpdesk_ticket t
                WHERE %s AND t.date_received >= %s AND t.date_received < %s""",
            scope,
            start,
            end,
        )[0][0]
        figures = [self._figure("volume", "received", _("Complaints received"), total)]
        figures += self._kpi_breakdown(
            "volume", "channel", scope, start, end, "channel_id", "helpdesk.ticket.channel"
        )
        figures += self._kpi_breakdown(
            "volume", "category", scope, start, end, "category_id", "helpdesk.ticket.category"
        )
        figures += self._kpi_breakdown(
            "volume",
            "severity",
            scope,
            start,
            end,
            "severity",
            labels=self._selection_labels("severity"),
        )
        # anonymous complaints have no customer: one more row than shown
        customers = self._kpi_breakdown(
            "volume",
            "customer",
            scope,
            start,
            end,
            "commercial_partner_id",
            "res.partner",
            limit=TOP_CUSTOMERS + 1,
        )
        return figures + [c for c in customers if c["key"] != "customer_none"][:TOP_CUSTOMERS]

    def _kpi_timeliness(self, scope, start, end):
        _ = self.env._
        steps = [
            (
                "acknowledge",
                ("hours_to_acknowledge", "date_acknowledged", "deadline_acknowledge", "hours"),
                [
                    _("Complaints acknowledged"),
                    _("Time to acknowledge: mean"),
                    _("Time to acknowledge: median"),
                    _("Time to acknowledge: 90th percentile"),
                    _("Acknowledged on time"),
                ],
            ),
            (
                "decision",
                ("days_to_decision", "date_decision_communicated", "deadline_decision", "days"),
                [
                    _("Decisions communicated"),
                    _("Time to decision: mean"),
                    _("Time to decision: median"),
                    _("Time to decision: 90th percentile"),
                    _("Decisions on time"),
                ],
            ),
            (
                "close",
                ("days_to_close", "date_closed", "deadline_close", "days"),
                [
                    _("Complaints closed"),
                    _("Time to close: mean"),
                    _("Time to close: median"),
                    _("Time to close: 90th percentile"),
                    _("Closed on time"),
                ],
            ),
        ]
        figures = []
        for key, (measure, done, deadline, unit), labels in steps:
            count, mean, median, p90, with_deadline, on_time = self._kpi_rows(
                """SELECT count(*), avg(%(x)s),
                          percentile_cont(0.5) WITHIN GROUP (ORDER BY %(x)s),
                          percentile_cont(0.9) WITHIN GROUP (ORDER BY %(x)s),
                          count(*) FILTER (WHERE %(deadline)s IS NOT NULL),
                          count(*) FILTER (WHERE %(done)s <= %(deadline)s)
                     FROM helpdesk_ticket t
                    WHERE %(scope)s AND %(done)s >= %(start)s AND %(done)s < %(end)s""",
                x=SQL.identifier("t", measure),
                done=SQL.identifier("t", done),
                deadline=SQL.identifier("t", deadline),
                scope=scope,
                start=start,
                end=end,
            )[0]
            values = [
                (f"{key}_count", count, "count"),
                (f"{key}_mean", mean, unit),
                (f"{key}_median", median, unit),
                (f"{key}_p90", p90, unit),
                (f"{key}_on_time", rate(on_time, with_deadline), "percent"),
            ]
            figures += [
                self._figure("timeliness", figure_key, label, value, figure_unit)
                for (figure_key, value, figure_unit), label in zip(values, labels, strict=True)
            ]
        return figures

    def _kpi_backlog(self, scope, start, end):
        _ = self.env._
        # the backlog as it stood at the end of the period, or now for a running one
        at = min(end, fields.Datetime.now())
        buckets = []
        for _key, _label, low, high in AGE_BUCKETS:
            conditions = [SQL("age > %s", low)] if low else []
            if high is not None:
                conditions.append(SQL("age <= %s", high))
            buckets.append(SQL("count(*) FILTER (WHERE %s)", SQL(" AND ").join(conditions)))
        row = self._kpi_rows(
            """SELECT count(*), avg(age), %s FROM (
                   SELECT EXTRACT(EPOCH FROM (%s - t.date_received)) / 86400 AS age
                     FROM helpdesk_ticket t
                    WHERE %s AND t.date_received < %s
                      AND (t.date_closed IS NULL OR t.date_closed >= %s)) backlog""",
            SQL(", ").join(buckets),
            at,
            scope,
            at,
            at,
        )[0]
        figures = [
            self._figure("backlog", "open", _("Open complaints at the end of the period"), row[0]),
            self._figure("backlog", "open_age", _("Mean age of open complaints"), row[1], "days"),
        ]
        for (key, label, _low, _high), count in zip(AGE_BUCKETS, row[2:], strict=True):
            figures.append(self._figure("backlog", key, str(label), count))
        return figures

    def _kpi_escalation(self, scope, start, end):
        _ = self.env._
        rows = self._kpi_rows(
            """SELECT l.level, count(*) FROM iso10002_escalation_log l
                 JOIN helpdesk_ticket t ON t.id = l.ticket_id
                WHERE %s AND l.date >= %s AND l.date < %s
                GROUP BY l.level ORDER BY l.level""",
            scope,
            start,
            end,
        )
        figures = [
            self._figure(
                "escalation", "escalations", _("Escalations"), sum(count for _l, count in rows)
            )
        ]
        figures += [
            self._figure(
                "escalation", f"escalation_{level}", _("Escalations to level %s", level), count
            )
            for level, count in rows
        ]
        return figures

    def _kpi_outcome(self, scope, start, end):
        _ = self.env._
        # decided in the period: decision communicated, or withdrawn and closed
        # (written so that the indexes on both dates serve)
        decided = SQL(
            """%(scope)s AND t.decision IS NOT NULL
               AND (t.date_decision_communicated >= %(start)s
                    AND t.date_decision_communicated < %(end)s
                    OR t.date_decision_communicated IS NULL
                    AND t.date_closed >= %(start)s AND t.date_closed < %(end)s)""",
            scope=scope,
            start=start,
            end=end,
        )
        labels = self._selection_labels("decision")
        figures = [
            self._figure("outcome", f"decision_{decision}", labels[decision], count)
            for decision, count in self._kpi_rows(
                "SELECT t.decision, count(*) FROM helpdesk_ticket t WHERE %s GROUP BY 1 "
                "ORDER BY 2 DESC, 1",
                decided,
            )
        ]
        remedies = self._kpi_rows(
            """SELECT r.iso10002_remedy_type_id, count(*)
                 FROM helpdesk_ticket t
                 JOIN helpdesk_ticket_iso10002_remedy_type_rel r ON r.helpdesk_ticket_id = t.id
                WHERE %s GROUP BY 1 ORDER BY 2 DESC, 1""",
            decided,
        )
        remedy_names = {
            remedy.id: remedy.display_name
            for remedy in self.env["iso10002.remedy.type"].sudo().browse([r for r, _c in remedies])
        }
        figures += [
            self._figure("outcome", f"remedy_{remedy}", _("Remedy: %s", remedy_names[remedy]), c)
            for remedy, c in remedies
        ]
        for currency_id, amount in self._kpi_rows(
            """SELECT t.currency_id, sum(t.compensation_amount) FROM helpdesk_ticket t
                WHERE %s AND t.compensation_amount > 0 GROUP BY 1 ORDER BY 1""",
            decided,
        ):
            currency = self.env["res.currency"].browse(currency_id)
            figure = self._figure(
                "outcome",
                f"compensation_{currency.name}",
                _("Compensation paid (%s)", currency.name),
                amount,
                "amount",
            )
            figures.append(dict(figure, currency_id=currency_id))
        return figures

    def _kpi_satisfaction(self, scope, start, end):
        _ = self.env._
        stats = self._kpi_teams()._satisfaction_stats(start, end).values()
        invited = sum(team["invited"] for team in stats)
        answered = sum(team["answered"] for team in stats)
        score_sum = sum(team["score"] * team["answered"] for team in stats if team["answered"])
        return [
            self._figure("satisfaction", "surveys_sent", _("Surveys sent"), invited),
            self._figure("satisfaction", "surveys_answered", _("Surveys answered"), answered),
            self._figure(
                "satisfaction",
                "response_rate",
                _("Survey response rate"),
                rate(answered, invited),
                "percent",
            ),
            self._figure(
                "satisfaction",
                "satisfaction_score",
                _("Satisfaction score"),
                score_sum / answered if answered else None,
                "score",
            ),
        ]

    def _kpi_causes(self, scope, start, end):
        # Pareto: causes by decreasing count; the report adds the cumulative share
        causes = self._kpi_breakdown(
            "causes", "cause", scope, start, end, "root_cause_id", "iso10002.root.cause"
        )
        return [figure for figure in causes if figure["key"] != "cause_none"]

    def _kpi_repeat(self, scope, start, end):
        _ = self.env._
        received, repeat, complainants = self._kpi_rows(
            """SELECT count(*), count(*) FILTER (WHERE t.is_repeat),
                      count(DISTINCT t.commercial_partner_id)
                          FILTER (WHERE t.commercial_partner_id IN (
                              SELECT commercial_partner_id FROM helpdesk_ticket t
                               WHERE %s AND t.date_received >= %s AND t.date_received < %s
                               GROUP BY 1 HAVING count(*) > 1))
                 FROM helpdesk_ticket t
                WHERE %s AND t.date_received >= %s AND t.date_received < %s""",
            scope,
            start,
            end,
            scope,
            start,
            end,
        )[0]
        closed, reopened = self._kpi_rows(
            """SELECT count(*), count(*) FILTER (WHERE t.reopen_count > 0)
                 FROM helpdesk_ticket t
                WHERE %s AND t.date_closed >= %s AND t.date_closed < %s""",
            scope,
            start,
            end,
        )[0]
        return [
            self._figure("repeat", "repeat", _("Repeat complaints"), repeat),
            self._figure(
                "repeat",
                "repeat_rate",
                _("Repeat complaints rate"),
                rate(repeat, received),
                "percent",
            ),
            self._figure(
                "repeat",
                "repeat_complainants",
                _("Customers with several complaints in the period"),
                complainants,
            ),
            self._figure(
                "repeat",
                "reopen_rate",
                _("Closed complaints re-opened before closing"),
                rate(reopened, closed),
                "percent",
            ),
        ]

    def _kpi_actions(self, scope, start, end):
        _ = self.env._
        day_start, day_end = start.date(), end.date()
        opened, done, effective, not_effective, overdue = self._kpi_rows(
            """SELECT count(*) FILTER (WHERE a.create_date >= %(start)s
                                         AND a.create_date < %(end)s),
                      count(*) FILTER (WHERE a.date_done >= %(day_start)s
                                         AND a.date_done < %(day_end)s),
                      count(*) FILTER (WHERE a.effectiveness = 'effective'
                                         AND a.date_effectiveness >= %(day_start)s
                                         AND a.date_effectiveness < %(day_end)s),
                      count(*) FILTER (WHERE a.effectiveness = 'not_effective'
                                         AND a.date_effectiveness >= %(day_start)s
                                         AND a.date_effectiveness < %(day_end)s),
                      count(*) FILTER (WHERE a.create_date < %(end)s
                                         AND a.date_deadline < %(day_end)s
                                         AND a.state != 'cancelled'
                                         AND (a.date_done IS NULL OR a.date_done >= %(day_end)s))
                 FROM iso10002_corrective_action a
                WHERE a.company_id = %(company)s""",
            start=start,
            end=end,
            day_start=day_start,
            day_end=day_end,
            company=self.company_id.id,
        )[0]
        return [
            self._figure("actions", "actions_opened", _("Actions opened"), opened),
            self._figure("actions", "actions_done", _("Actions done"), done),
            self._figure("actions", "actions_effective", _("Found effective"), effective),
            self._figure(
                "actions", "actions_not_effective", _("Found not effective"), not_effective
            ),
            self._figure(
                "actions", "actions_overdue", _("Overdue at the end of the period"), overdue
            ),
        ]
