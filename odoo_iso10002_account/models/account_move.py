from odoo import api, fields, models
from odoo.exceptions import UserError

COMPLAINT_GROUPS = "odoo_iso10002.group_complaint_user,odoo_iso10002.group_complaint_auditor"
# what changes a credit note's total or state, that its remedies follow
REMEDY_FIELDS = {"state", "invoice_line_ids", "line_ids", "currency_id", "iso10002_remedy_ids"}


class AccountMove(models.Model):
    _inherit = "account.move"

    iso10002_remedy_ids = fields.Many2many(
        "iso10002.remedy",
        "iso10002_remedy_account_move_rel",
        "move_id",
        "remedy_id",
        string="Remedies",
        readonly=True,
        copy=False,
        check_company=True,
        groups=COMPLAINT_GROUPS,
        help="The complaint remedies this credit note delivers.",
    )
    iso10002_ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        "iso10002_ticket_account_move_rel",
        "move_id",
        "ticket_id",
        string="Complaints About It",
        copy=False,
        groups=COMPLAINT_GROUPS,
    )
    iso10002_complaint_count = fields.Integer(
        string="Complaints", compute="_compute_iso10002_complaint_count", groups=COMPLAINT_GROUPS
    )

    @api.depends("iso10002_ticket_ids", "iso10002_remedy_ids")
    def _compute_iso10002_complaint_count(self):
        for move in self:
            move.iso10002_complaint_count = len(move._iso_complaints())

    @api.model_create_multi
    def create(self, vals_list):
        moves = super().create(vals_list)
        moves._iso_update_remedies()
        return moves

    def write(self, vals):
        res = super().write(vals)
        if REMEDY_FIELDS & set(vals):
            self._iso_update_remedies()
        return res

    def unlink(self):
        remedies = self.sudo().iso10002_remedy_ids
        res = super().unlink()
        remedies.exists()._iso_follow_credit_notes()
        return res

    def _post(self, soft=True):
        self._iso_check_remedy_approval()
        return super()._post(soft=soft)

    @api.readonly
    def action_iso10002_open_complaints(self):
        self.ensure_one()
        return self._iso_complaints()._iso_action_open()

    def _iso_complaints(self):
        """The complaints about this invoice, or whose remedy it delivers."""
        return self.iso10002_ticket_ids | self.iso10002_remedy_ids.ticket_id

    def _iso_update_remedies(self):
        # the document drives its remedies, whoever posts or edits it
        self.sudo().iso10002_remedy_ids._iso_follow_credit_notes()

    def _iso_check_remedy_approval(self):
        """A credit note refunding a complaint whose remedies exceed the
        approval limit is posted once a complaint manager approved them."""
        tickets = self.sudo().iso10002_remedy_ids.ticket_id._iso_remedy_approval_missing()
        if tickets:
            raise UserError(
                self.env._(
                    "The remedies of %(complaint)s cost more than the approval limit: a "
                    "complaint manager must approve them before the credit note is posted.",
                    complaint=tickets[0].display_name,
                )
            )
