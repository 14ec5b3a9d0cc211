from odoo.tests import Form

from odoo.addons.odoo_iso10002_stock.tests.common import Iso10002StockCase


class TestRemedyRepair(Iso10002StockCase):
    def setUp(self):
        super().setUp()
        self.remedy = self._decide(self.env.ref("odoo_iso10002.remedy_type_repair"))

    def _repair(self):
        action = self.remedy.with_user(self.stock_user).action_iso_repair()
        return self.env["repair.order"].with_user(self.stock_user).browse(action["res_id"])

    def test_repair_done_delivers_the_remedy(self):
        self.assertEqual(self.remedy.delivery, "repair")
        repair = self._repair()
        self.assertEqual(repair.product_id, self.product)
        self.assertEqual(repair.partner_id, self.partner)
        # linked both ways, the complaint reachable from the repair order
        self.assertEqual(self.remedy.repair_id, repair)
        self.assertEqual(repair.iso10002_ticket_count, 1)
        self.assertEqual(repair.action_view_iso10002_tickets()["res_id"], self.ticket.id)
        self.assertEqual(self.remedy.state, "in_progress")
        repair.action_validate()
        repair.action_repair_start()
        self.assertEqual(self.remedy.state, "in_progress")
        repair.action_repair_end()
        self.assertEqual(repair.state, "done")
        self.assertEqual(self.remedy.state, "delivered")
        self.assertTrue(self.remedy.date_delivered)

    def test_cancelled_repair_plans_the_remedy_again(self):
        repair = self._repair()
        repair.action_repair_cancel()
        self.assertEqual(self.remedy.state, "planned")
        repair.action_repair_cancel_draft()
        self.assertEqual(self.remedy.state, "in_progress")

    def test_several_products_chosen_in_the_repair_form(self):
        other = self.env["product.product"].create({"name": "Test toaster", "is_storable": True})
        self.env["stock.quant"]._update_available_quantity(other, self.warehouse.lot_stock_id, 1)
        self.ticket.picking_ids |= self._deliver(other, 1)
        action = self.remedy.with_user(self.stock_user).action_iso_repair()
        self.assertFalse(action.get("res_id"))
        self.assertEqual(self.remedy.state, "planned")
        form = Form(
            self.env["repair.order"].with_user(self.stock_user).with_context(**action["context"])
        )
        self.assertEqual(form.partner_id, self.partner)
        form.product_id = other
        repair = form.save()
        self.assertEqual(self.remedy.repair_id, repair)
        self.assertEqual(self.remedy.state, "in_progress")
