from odoo import fields, models

ACCOUNTING_GROUPS = "account.group_account_invoice,account.group_account_readonly"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    invoice_ids = fields.Many2many(
        "account.move",
        "iso10002_ticket_account_move_rel",
        "ticket_id",
        "move_id",
        string="Invoices",
        copy=False,
        check_company=True,
        groups=ACCOUNTING_GROUPS,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted'), "
        "('commercial_partner_id', '=', commercial_partner_id)]",
        help="The complainant's invoices the complaint is about: a refund remedy credits them.",
    )

    def _iso_remedy_approval_missing(self):
        """The complaints whose cost of remedies needs a complaint manager's
        approval that they do not have."""
        return self.filtered(lambda t: t.approval_required and not t.approved_by_id)
