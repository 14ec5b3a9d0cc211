from odoo import fields, models


class StockReturnPicking(models.TransientModel):
    _inherit = "stock.return.picking"

    iso10002_remedy_id = fields.Many2one(
        "iso10002.remedy",
        string="Complaint Remedy",
        help="The remedy this return or exchange carries out.",
    )
    iso10002_delivery = fields.Selection(related="iso10002_remedy_id.delivery")
    iso10002_ticket_id = fields.Many2one(related="iso10002_remedy_id.ticket_id")

    def _create_return(self):
        new_picking = super()._create_return()
        if self.iso10002_delivery == "return":
            self.iso10002_remedy_id._iso_set_picking(new_picking)
        return new_picking

    def _get_proc_values(self, line):
        values = super()._get_proc_values(line)
        if self.iso10002_delivery == "replacement":
            values["iso10002_remedy_id"] = self.iso10002_remedy_id.id
        return values

    def action_create_exchanges(self):
        action = super().action_create_exchanges()
        remedy = self.iso10002_remedy_id
        if self.iso10002_delivery == "replacement":
            moves = self.env["stock.move"].search(
                [("iso10002_remedy_id", "=", remedy.id), ("state", "not in", ("done", "cancel"))]
            )
            remedy._iso_set_picking(moves.sorted("id")[-1:].picking_id)
        return action
