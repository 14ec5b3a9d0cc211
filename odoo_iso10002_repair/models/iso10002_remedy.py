from odoo import Command, fields, models
from odoo.exceptions import UserError


class Iso10002Remedy(models.Model):
    _inherit = "iso10002.remedy"

    repair_id = fields.Many2one(
        "repair.order",
        string="Repair Order",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        help="The repair order that carries out this remedy.",
    )

    def action_iso_repair(self):
        """A repair order for the complainant's delivered product: created at
        once when the complaint's deliveries hold one product, else opened
        unsaved for the user to choose the product in Odoo's repair form."""
        self.ensure_one()
        if self.delivery != "repair":
            raise UserError(
                self.env._(
                    "“%(remedy)s” is not delivered by a repair order.", remedy=self.display_name
                )
            )
        products = self.ticket_id.picking_ids.filtered(
            lambda p: p.picking_type_code == "outgoing" and p.state == "done"
        ).move_ids.product_id
        values = {
            "partner_id": self.ticket_id.partner_id.id,
            "iso10002_remedy_ids": [Command.link(self.id)],
        }
        action = {
            "type": "ir.actions.act_window",
            "res_model": "repair.order",
            "views": [(False, "form")],
        }
        if len(products) == 1:
            repair = self.env["repair.order"].create(dict(values, product_id=products.id))
            return dict(action, res_id=repair.id)
        return dict(
            action,
            context={
                "default_partner_id": self.ticket_id.partner_id.id,
                "default_iso10002_remedy_ids": [Command.link(self.id)],
            },
        )
