from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    iso10002_complaint_ids = fields.One2many(
        "helpdesk.ticket",
        "sale_order_id",
        string="Complaints",
        domain=[("is_complaint", "=", True)],
    )
    complaint_count = fields.Integer(compute="_compute_complaint_count")

    def _compute_complaint_count(self):
        # Counts only, for salespeople too: the complaints themselves stay
        # behind the complaint record rules, confidential ones are not counted.
        groups = (
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                [
                    ("is_complaint", "=", True),
                    ("is_confidential", "=", False),
                    ("sale_order_id", "in", self.ids),
                ],
                ["sale_order_id"],
                ["__count"],
            )
        )
        counts = {order.id: count for order, count in groups}
        for order in self:
            order.complaint_count = counts.get(order.id, 0)

    @api.readonly
    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "odoo_iso10002.helpdesk_ticket_action_complaints"
        )
        action["domain"] = [("is_complaint", "=", True), ("sale_order_id", "=", self.id)]
        action["context"] = {"iso10002_complaints": True, "default_sale_order_id": self.id}
        return action
