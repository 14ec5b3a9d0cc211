from odoo import api, fields, models
from odoo.exceptions import UserError


class Iso10002Remedy(models.Model):
    _inherit = "iso10002.remedy"

    picking_id = fields.Many2one(
        "stock.picking",
        string="Transfer",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        help="The return or replacement delivery that carries out this remedy.",
    )

    @api.readonly
    def action_iso_return(self):
        """Odoo's return wizard on the complaint's delivery: a plain return
        for a return of goods, a return for exchange for a replacement."""
        self.ensure_one()
        if self.delivery not in ("return", "replacement"):
            raise UserError(
                self.env._("“%(remedy)s” is not delivered by a transfer.", remedy=self.display_name)
            )
        deliveries = self.ticket_id.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing" and p.state == "done"
        )
        if not deliveries:
            raise UserError(
                self.env._(
                    "Link the complaint %(complaint)s to the customer's done delivery first.",
                    complaint=self.ticket_id.display_name,
                )
            )
        delivery = deliveries.sorted("date_done", reverse=True)[0]
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.act_stock_return_picking")
        action["context"] = {
            "active_model": "stock.picking",
            "active_id": delivery.id,
            "active_ids": delivery.ids,
            "default_iso10002_remedy_id": self.id,
        }
        return action

    def _iso_set_picking(self, picking):
        """`picking` carries out these remedies from now on."""
        self.write({"picking_id": picking.id})
        self._iso_start()

    def _iso_document_cancelled(self):
        """The document carrying out these remedies was cancelled: the remedy
        is to be carried out again."""
        self.filtered(lambda r: r.state == "in_progress").write({"state": "planned"})
