from odoo import api, fields, models
from odoo.tools import format_amount

KPI_SECTIONS = [
    ("volume", "Complaints received"),
    ("timeliness", "Timeliness"),
    ("backlog", "Open backlog"),
    ("escalation", "Escalations"),
    ("outcome", "Decisions and remedies"),
    ("remedies", "Cost and delivery of remedies"),
    ("satisfaction", "Satisfaction with complaints handling"),
    ("trend", "Monthly trend"),
    ("causes", "Root causes"),
    ("repeat", "Repeat and re-opened complaints"),
    ("actions", "Corrective and improvement actions"),
]
KPI_UNITS = [
    ("count", "Count"),
    ("percent", "%"),
    ("hours", "Working hours"),
    ("days", "Days"),
    ("amount", "Amount"),
    ("score", "Score / 100"),
]


class Iso10002ManagementReviewLine(models.Model):
    """One figure of a management review's KPI snapshot, beside the previous
    period's. Frozen with the review."""

    _name = "iso10002.management.review.line"
    _description = "Management Review Figure"
    _order = "review_id, sequence, id"

    review_id = fields.Many2one(
        "iso10002.management.review", required=True, ondelete="cascade", index=True
    )
    section = fields.Selection(KPI_SECTIONS, required=True)
    sequence = fields.Integer()
    key = fields.Char(required=True, help="Identifies the figure across periods.")
    name = fields.Char(string="Indicator", required=True)
    unit = fields.Selection(KPI_UNITS, required=True, default="count")
    currency_id = fields.Many2one("res.currency")
    value = fields.Float(digits=(16, 2))
    value_missing = fields.Boolean(help="No data to compute the figure from.")
    previous_value = fields.Float(digits=(16, 2))
    previous_missing = fields.Boolean()
    target = fields.Float(
        string="Target Value", digits=(16, 2), help="The teams' objective (ISO 10002 6); 0: none."
    )
    value_display = fields.Char(string="This Period", compute="_compute_displays")
    previous_display = fields.Char(string="Previous Period", compute="_compute_displays")
    target_display = fields.Char(string="Target", compute="_compute_displays")
    change_display = fields.Char(string="Change", compute="_compute_displays")
    target_met = fields.Boolean(compute="_compute_displays")

    @api.depends("value", "previous_value", "target", "unit", "value_missing", "previous_missing")
    def _compute_displays(self):
        for line in self:
            line.value_display = line._format(line.value, line.value_missing)
            line.previous_display = line._format(line.previous_value, line.previous_missing)
            line.target_display = line._format(line.target, not line.target)
            line.target_met = (
                bool(line.target) and not line.value_missing and (line.value >= line.target)
            )
            if line.value_missing or line.previous_missing:
                line.change_display = ""
            else:
                delta = line.value - line.previous_value
                sign = "+" if delta > 0 else ""
                line.change_display = sign + line._format(delta, False) if delta else "="

    def _format(self, value, missing):
        self.ensure_one()
        if missing:
            return "—"
        if self.unit == "count":
            return "%d" % round(value)
        if self.unit == "amount" and self.currency_id:
            return format_amount(self.env, value, self.currency_id)
        suffix = {"percent": " %", "hours": " h", "days": " d"}.get(self.unit, "")
        return "%.1f%s" % (value, suffix)

    @api.model_create_multi
    def create(self, vals_list):
        reviews = self.env["iso10002.management.review"].browse(
            [vals["review_id"] for vals in vals_list if vals.get("review_id")]
        )
        reviews._check_not_done()
        return super().create(vals_list)

    def write(self, vals):
        self.review_id._check_not_done()
        return super().write(vals)

    def unlink(self):
        self.review_id._check_not_done()
        return super().unlink()
