from odoo import Command
from odoo.exceptions import AccessError, UserError

from .common import Iso10002StockCase


class TestRemedyStock(Iso10002StockCase):
    def test_return_of_goods(self):
        remedy = self._decide(self.env.ref("odoo_iso10002_stock.remedy_type_return"))
        self.assertEqual(remedy.delivery, "return")
        wizard, action = self._run_wizard(remedy, "action_create_returns")
        self.assertEqual(wizard.picking_id, self.delivery)
        back = self.env["stock.picking"].browse(action["res_id"])
        self.assertEqual(back.return_id, self.delivery)
        self.assertEqual(back.picking_type_code, "incoming")
        # linked both ways, the complaint reachable from the return
        self.assertEqual(remedy.picking_id, back)
        self.assertEqual(back.iso10002_remedy_ids, remedy)
        self.assertEqual(back.with_user(self.stock_user).iso10002_ticket_count, 1)
        self.assertEqual(
            back.with_user(self.stock_user).action_view_iso10002_tickets()["res_id"], self.ticket.id
        )
        self.assertEqual(remedy.state, "in_progress")
        self._validate(back.with_user(self.stock_user))
        self.assertEqual(back.state, "done")
        self.assertEqual(remedy.state, "delivered")
        self.assertEqual(remedy.date_delivered, back.date_done)

    def test_replacement_by_exchange(self):
        remedy = self._decide(self.env.ref("odoo_iso10002.remedy_type_replacement"))
        self.assertEqual(remedy.delivery, "replacement")
        __, action = self._run_wizard(remedy, "action_create_exchanges")
        back = self.env["stock.picking"].browse(action["res_id"])
        replacement = remedy.picking_id
        self.assertEqual(replacement.picking_type_code, "outgoing")
        self.assertNotIn(replacement, self.delivery | back)
        self.assertEqual(replacement.partner_id, self.partner)
        self.assertEqual(replacement.move_ids.product_id, self.product)
        self.assertEqual(replacement.iso10002_remedy_ids, remedy)
        self.assertEqual(remedy.state, "in_progress")
        # the goods taken back do not deliver the replacement
        self._validate(back.with_user(self.stock_user))
        self.assertEqual(remedy.state, "in_progress")
        self._validate(replacement.with_user(self.stock_user))
        self.assertEqual(remedy.state, "delivered")
        self.assertEqual(remedy.date_delivered, replacement.date_done)

    def test_replacement_of_a_delivery_made_by_hand_stays_the_complainants(self):
        """A delivery typed in by hand has no procurement group: the
        replacement is not merged into another open delivery without one."""
        other = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.out_type_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": self.product.name,
                            "product_id": self.product.id,
                            "product_uom_qty": 1,
                            "location_id": self.warehouse.lot_stock_id.id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        }
                    )
                ],
            }
        )
        other.action_confirm()
        self.assertFalse(self.delivery.group_id)
        remedy = self._decide(self.env.ref("odoo_iso10002.remedy_type_replacement"))
        self._run_wizard(remedy, "action_create_exchanges")
        replacement = remedy.picking_id
        self.assertNotEqual(replacement, other)
        self.assertEqual(other.move_ids.product_uom_qty, 1, "the other delivery is untouched")
        self.assertEqual(replacement.partner_id, self.partner)
        self.assertEqual(replacement.group_id.name, self.ticket.number)

    def test_cancelled_transfer_plans_the_remedy_again(self):
        remedy = self._decide(self.env.ref("odoo_iso10002_stock.remedy_type_return"))
        __, action = self._run_wizard(remedy, "action_create_returns")
        self.env["stock.picking"].browse(action["res_id"]).with_user(
            self.stock_user
        ).action_cancel()
        self.assertEqual(remedy.state, "planned")
        # and can be returned again
        __, action = self._run_wizard(remedy, "action_create_returns")
        self.assertEqual(remedy.picking_id.id, action["res_id"])
        self.assertEqual(remedy.state, "in_progress")

    def test_complaint_delivery_link(self):
        self.assertEqual(self.delivery.with_user(self.stock_user).iso10002_ticket_count, 1)
        self.assertEqual(self.delivery.iso10002_ticket_ids, self.ticket)
        # a handler without inventory rights neither sees nor returns deliveries
        remedy = self._decide(self.env.ref("odoo_iso10002_stock.remedy_type_return"))
        with self.assertRaises(AccessError):
            remedy.with_user(self.handler).action_iso_return()

    def test_return_needs_a_done_delivery(self):
        self.ticket.picking_ids = False
        remedy = self._decide(self.env.ref("odoo_iso10002_stock.remedy_type_return"))
        with self.assertRaisesRegex(UserError, "done delivery"):
            remedy.with_user(self.stock_user).action_iso_return()
        apology = self._decide(self.env.ref("odoo_iso10002.remedy_type_apology"))
        with self.assertRaisesRegex(UserError, "not delivered by a transfer"):
            apology.with_user(self.stock_user).action_iso_return()
