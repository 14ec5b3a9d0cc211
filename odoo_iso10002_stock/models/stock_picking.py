from odoo import api, fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    iso10002_remedy_ids = fields.One2many(
        "iso10002.remedy", "picking_id", string="Complaint Remedies", readonly=True
    )
    iso10002_ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        "helpdesk_ticket_stock_picking_rel",
        "picking_id",
        "ticket_id",
        string="Complaints",
        copy=False,
        groups="odoo_iso10002.group_complaint_user",
    )
    iso10002_ticket_count = fields.Integer(
        string="Complaint Count",
        compute="_compute_iso10002_ticket_count",
        groups="odoo_iso10002.group_complaint_user",
    )

    @api.depends("iso10002_ticket_ids", "iso10002_remedy_ids.ticket_id")
    def _compute_iso10002_ticket_count(self):
        for picking in self:
            picking.iso10002_ticket_count = len(picking._iso_tickets())

    def _iso_tickets(self):
        """The complaints about these transfers or carried out by them."""
        return self.iso10002_ticket_ids | self.iso10002_remedy_ids.ticket_id

    def action_cancel(self):
        res = super().action_cancel()
        # the transfer decides the remedy's state, whoever cancels it
        self.filtered(
            lambda p: p.state == "cancel"
        ).sudo().iso10002_remedy_ids._iso_document_cancelled()
        return res

    def _action_done(self):
        res = super()._action_done()
        # delivered when the goods moved, whoever validates the transfer
        for picking in self.filtered(lambda p: p.state == "done").sudo():
            picking.iso10002_remedy_ids._iso_deliver(picking.date_done)
        return res

    @api.readonly
    def action_view_iso10002_tickets(self):
        self.ensure_one()
        return self._iso_tickets()._iso_action_open()
