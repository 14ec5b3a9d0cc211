from odoo import api, fields, models
from odoo.exceptions import UserError

ACTION_TYPES = [
    ("correction", "Correction"),
    ("corrective", "Corrective action"),
    ("preventive", "Preventive action"),
    ("improvement", "Improvement"),
]
ACTION_STATES = [
    ("open", "Open"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class Iso10002CorrectiveAction(models.Model):
    """A correction, corrective, preventive or improvement action decided on
    complaints or in a management review, and the check that it worked
    (ISO 10002 8.7)."""

    _name = "iso10002.corrective.action"
    _description = "Corrective or Improvement Action"
    # the chatter mixin first: its _mail_post_access replaces mail.thread's
    _inherit = ["iso10002.chatter.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_deadline, id desc"
    _check_company_auto = True

    name = fields.Char(string="Action", required=True, tracking=True)
    description = fields.Html()
    action_type = fields.Selection(
        ACTION_TYPES, string="Type", required=True, default="corrective", tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        tracking=True,
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
    )
    date_deadline = fields.Date(string="Deadline", required=True, tracking=True, index=True)
    state = fields.Selection(
        ACTION_STATES, required=True, default="open", tracking=True, index=True, copy=False
    )
    date_done = fields.Date(string="Done On", readonly=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    complaint_ids = fields.Many2many(
        "helpdesk.ticket",
        "iso10002_corrective_action_ticket_rel",
        "action_id",
        "ticket_id",
        string="Complaints",
        domain="[('is_complaint', '=', True)]",
        check_company=True,
    )
    root_cause_id = fields.Many2one("iso10002.root.cause", tracking=True)
    review_ids = fields.Many2many(
        "iso10002.management.review",
        "iso10002_corrective_action_review_rel",
        "action_id",
        "review_id",
        string="Management Reviews",
        check_company=True,
    )
    # Effectiveness check: was the cause removed? (ISO 10002 8.7, ISO 9001 10.2)
    effectiveness = fields.Selection(
        [("effective", "Effective"), ("not_effective", "Not effective")],
        tracking=True,
        copy=False,
    )
    effectiveness_note = fields.Text(string="Effectiveness Evidence", copy=False)
    effectiveness_user_id = fields.Many2one(
        "res.users", string="Checked By", readonly=True, copy=False
    )
    date_effectiveness = fields.Date(string="Checked On", readonly=True, copy=False)

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for action in self:
            action.is_overdue = action.state in ("open", "in_progress") and (
                action.date_deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        domain = [
            "&",
            ("state", "in", ("open", "in_progress")),
            ("date_deadline", "<", fields.Date.context_today(self)),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    def write(self, vals):
        today = fields.Date.context_today(self)
        if vals.get("state") == "done":
            vals.setdefault("date_done", today)
        elif vals.get("state") in ("open", "in_progress"):
            vals.update(date_done=False, effectiveness=False)
        if "effectiveness" in vals:
            if vals["effectiveness"] and any(
                vals.get("state", action.state) != "done" for action in self
            ):
                raise UserError(
                    self.env._("The effectiveness of an action is checked once it is done.")
                )
            vals.update(
                effectiveness_user_id=vals["effectiveness"] and self.env.uid,
                date_effectiveness=vals["effectiveness"] and today,
            )
        return super().write(vals)

    def action_start(self):
        self.write({"state": "in_progress"})

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    def action_reopen(self):
        self.write({"state": "open"})
