from odoo import Command
from odoo.tests import Form, new_test_user

from odoo.addons.odoo_iso10002.tests.common import Iso10002Case


class Iso10002StockCase(Iso10002Case):
    """A complainant's done delivery, a handler without inventory rights who
    decides the remedies and a warehouse user who is also a handler."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stock_user = new_test_user(
            cls.env,
            login="iso_stock_user",
            groups="stock.group_stock_user,odoo_iso10002.group_complaint_user",
        )
        cls.complaint_team.user_ids = [Command.link(cls.stock_user.id)]
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Test kettle", "is_storable": True}
        )
        cls.env["stock.quant"]._update_available_quantity(
            cls.product, cls.warehouse.lot_stock_id, 10
        )
        cls.delivery = cls._deliver(cls.product, 2)
        cls.ticket = cls._create_ticket(cls.complaint_team, partner_id=cls.partner.id)
        cls.ticket.picking_ids = cls.delivery

    @classmethod
    def _deliver(cls, product, quantity):
        picking = cls.env["stock.picking"].create(
            {
                "partner_id": cls.partner.id,
                "picking_type_id": cls.warehouse.out_type_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": quantity,
                            "location_id": cls.warehouse.lot_stock_id.id,
                            "location_dest_id": cls.env.ref("stock.stock_location_customers").id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.button_validate()
        return picking

    def _decide(self, remedy_type):
        """The handler, who has no inventory rights, decides the remedy."""
        return (
            self.env["iso10002.remedy"]
            .with_user(self.handler)
            .create({"ticket_id": self.ticket.id, "remedy_type_id": remedy_type.id})
        )

    def _run_wizard(self, remedy, button):
        """The warehouse user presses the remedy's button and then `button`
        in Odoo's return wizard."""
        action = remedy.with_user(self.stock_user).action_iso_return()
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.stock_user)
            .with_context(**action["context"])
        )
        for index in range(len(form.product_return_moves)):
            with form.product_return_moves.edit(index) as line:
                line.quantity = line.move_quantity
        wizard = form.save()
        return wizard, getattr(wizard, button)()

    @staticmethod
    def _validate(picking):
        picking.action_assign()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        picking.button_validate()
