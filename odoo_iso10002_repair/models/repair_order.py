from odoo import api, fields, models


class RepairOrder(models.Model):
    _inherit = "repair.order"

    iso10002_remedy_ids = fields.One2many(
        "iso10002.remedy", "repair_id", string="Complaint Remedies"
    )
    iso10002_ticket_count = fields.Integer(
        string="Complaint Count",
        compute="_compute_iso10002_ticket_count",
        groups="odoo_iso10002.group_complaint_user",
    )

    @api.depends("iso10002_remedy_ids.ticket_id")
    def _compute_iso10002_ticket_count(self):
        for repair in self:
            repair.iso10002_ticket_count = len(repair.iso10002_remedy_ids.ticket_id)

    @api.model_create_multi
    def create(self, vals_list):
        repairs = super().create(vals_list)
        repairs.iso10002_remedy_ids._iso_start()
        return repairs

    def write(self, vals):
        res = super().write(vals)
        if "state" not in vals and "iso10002_remedy_ids" not in vals:
            return res
        # the repair order decides the remedy's state, whoever moves it on
        remedies = self.sudo().iso10002_remedy_ids
        if vals.get("state") == "done":
            remedies._iso_deliver()
        elif vals.get("state") == "cancel":
            remedies._iso_document_cancelled()
        elif vals.get("state") == "draft" or vals.get("iso10002_remedy_ids"):
            remedies._iso_start()
        return res

    @api.readonly
    def action_view_iso10002_tickets(self):
        self.ensure_one()
        return self.iso10002_remedy_ids.ticket_id._iso_action_open()
