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
            if not values["group_id"] and self.env.context.get("iso10002_exchange_group_id"):
                values["group_id"] = self.env["procurement.group"].browse(
                    self.env.context["iso10002_exchange_group_id"]
                )
        return values

    def action_create_exchanges(self):
        remedy, wizard = self.iso10002_remedy_id, self
        if self.iso10002_delivery == "replacement" and not self.picking_id.group_id:
            # A delivery made by hand has no procurement group: Odoo would take
            # the replacement's customer from none and could merge it into any
            # open delivery without one. The complaint's own group keeps the
            # replacement the complainant's, as a sales order's would.
            group = self.env["procurement.group"].create(
                {
                    "name": remedy.ticket_id.number or remedy.ticket_id.display_name,
                    "partner_id": self.picking_id.partner_id.id,
                }
            )
            wizard = self.with_context(iso10002_exchange_group_id=group.id)
        action = super(StockReturnPicking, wizard).action_create_exchanges()
        if self.iso10002_delivery == "replacement":
            moves = self.env["stock.move"].search(
                [("iso10002_remedy_id", "=", remedy.id), ("state", "not in", ("done", "cancel"))]
            )
            remedy._iso_set_picking(moves.sorted("id")[-1:].picking_id)
        return action
