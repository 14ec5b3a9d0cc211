from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import date_utils

from .iso10002_kpi import previous_period
from .iso10002_management_review_line import KPI_SECTIONS

REVIEW_STATES = [("draft", "Draft"), ("in_review", "In review"), ("done", "Done")]


class Iso10002ManagementReview(models.Model):
    """The periodic review of the complaints-handling process by top
    management (ISO 10002 8.6): a KPI snapshot computed from the data and
    frozen once the review is done, the reviewers' conclusions and decisions,
    and the improvement actions they launch (8.7)."""

    _name = "iso10002.management.review"
    _description = "Management Review of Complaints Handling"
    # the chatter mixin first: its _mail_post_access replaces mail.thread's
    _inherit = ["iso10002.chatter.mixin", "mail.thread", "mail.activity.mixin"]
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
            lines = review._kpi_recompute_lines()
            review.line_ids.unlink()
            review.write(
                {
                    "line_ids": [fields.Command.create(vals) for vals in lines],
                    "date_computed": fields.Datetime.now(),
                }
            )
        return True

    def _kpi_recompute_lines(self):
        """The line values of the review's figures as the data gives them now."""
        self.ensure_one()
        kpi = self.env["iso10002.kpi"]
        company, teams = self.company_id, self.team_ids
        # the periods are the company's local days, whoever computes them
        tz = company._iso10002_tz()
        current = kpi._figures(company, teams, self.date_from, self.date_to, tz=tz)
        previous = kpi._figures(
            company, teams, self.previous_date_from, self.previous_date_to, tz=tz
        )
        targets = kpi._targets(company, teams)
        lines = self._kpi_line_values(current, previous, targets)
        # month by month: no previous period to compare with; on time against
        # the objective for closing
        trend = kpi._monthly_trend(company, teams, self.date_from, self.date_to, tz=tz)
        for line in self._kpi_line_values(trend, [], {}):
            target = targets["close_on_time"] if line["unit"] == "percent" else 0.0
            lines.append(dict(line, previous_value=0.0, previous_missing=True, target=target))
        return lines

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

    @api.readonly
    def action_print(self):
        return self.env.ref("odoo_iso10002.action_report_management_review").report_action(self)

    def _kpi_line_values(self, current, previous, targets):
        """Line values for the figures of both periods, matched on their key."""
        self.ensure_one()
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
