from odoo.exceptions import AccessError

from odoo.addons.odoo_iso10002.tests.common import Iso10002Case

from .common import create_orders, create_salesman


class TestComplaintSaleOrder(Iso10002Case):
    """The complaint's sales order: linked from the reference the complainant
    gave, kept and shown to handlers without Sales rights, counted on the
    order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Baldai UAB", "is_company": True})
        cls.partner.parent_id = cls.customer
        cls.order = create_orders(cls.env, cls.customer, client_order_ref="PO-2026/77")
        cls.other_customer = cls.env["res.partner"].create({"name": "Kita UAB"})
        cls.other_order = create_orders(cls.env, cls.other_customer)
        cls.quotation = cls.env["sale.order"].create({"partner_id": cls.customer.id})
        cls.salesman = create_salesman(cls.env)

    def _complaint_by_handler(self, **values):
        """A complaint as a handler registers it: no Sales rights."""
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.handler)
            .create(
                {
                    "name": "The cabinet arrived scratched",
                    "description": "<p>Deep scratches on the door.</p>",
                    "team_id": self.complaint_team.id,
                    "partner_id": self.partner.id,
                    **values,
                }
            )
        )

    def _commit_tracking(self):
        """Write the tracking values, as a commit would."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_handler_has_no_sales_rights(self):
        with self.assertRaises(AccessError):
            self.order.with_user(self.handler).check_access("read")

    def test_order_number_links_the_order(self):
        # another order of the customer whose client reference is this number
        create_orders(self.env, self.customer, client_order_ref=self.order.name)
        complaint = self._complaint_by_handler(order_reference=f"  {self.order.name.lower()} ")
        self.assertEqual(complaint.sale_order_id, self.order)
        self.assertEqual(complaint.sale_order_name, self.order.name)
        self.assertTrue(complaint.order_reference_matched, "the text is the order's: hidden")

    def test_client_reference_links_the_order(self):
        complaint = self._complaint_by_handler(order_reference="po-2026/77")
        self.assertEqual(complaint.sale_order_id, self.order)
        self.assertTrue(complaint.order_reference_matched)

    def test_reference_of_no_order_of_the_customer_keeps_the_text(self):
        for reference in (
            self.other_order.name,  # another customer's order
            self.quotation.name,  # not confirmed
            self.order.name[:-1],  # not exact
            self.order.name[:-1] + "_",  # a LIKE wildcard is a plain character
            "PO-2026/%",
        ):
            with self.subTest(reference=reference):
                complaint = self._complaint_by_handler(order_reference=reference)
                self.assertFalse(complaint.sale_order_id)
                self.assertEqual(complaint.order_reference, reference)
                self.assertFalse(complaint.order_reference_matched)

    def test_handler_without_sales_rights_sets_and_keeps_the_order(self):
        complaint = self._complaint_by_handler(order_reference="the oak cabinet, item 4")
        self.assertFalse(complaint.sale_order_id)
        complaint.write({"sale_order_id": self.order.id})
        complaint.write({"requested_remedy": "Replace the cabinet"})
        complaint.invalidate_recordset()
        self.assertEqual(complaint.sale_order_id, self.order)
        self.assertEqual(complaint.sale_order_name, self.order.name)
        # a text the order does not say stays on show beside it
        self.assertFalse(complaint.order_reference_matched)
        # the form reads the order's number for them, as the list and groups do
        [values] = complaint.web_read(
            {"sale_order_id": {"fields": {"display_name": {}}}, "sale_order_name": {}}
        )
        self.assertEqual(values["sale_order_id"]["display_name"], self.order.name)
        tickets = self.env["helpdesk.ticket"].with_user(self.handler)
        self.assertEqual(tickets.search([("sale_order_name", "ilike", self.order.name)]), complaint)
        [group] = tickets.web_read_group(
            [("id", "=", complaint.id)], ["sale_order_id"], ["sale_order_id"]
        )["groups"]
        self.assertEqual(group["sale_order_id"], (self.order.id, self.order.name))

    def test_form_lets_only_salespeople_choose_the_order(self):
        def order_field(user):
            arch = (
                self.env["helpdesk.ticket"]
                .with_user(user)
                .get_views([(False, "form")])["views"]["form"]["arch"]
            )
            self.assertEqual(arch.count('name="sale_order_id"'), 1)
            return arch.split('name="sale_order_id"')[1].split("/>")[0]

        self.salesman.groups_id |= self.env.ref("odoo_iso10002.group_complaint_user")
        self.assertNotIn('readonly="1"', order_field(self.salesman))
        self.assertIn('readonly="1"', order_field(self.handler))

    def test_order_counts_and_lists_its_complaints(self):
        complaint = self._complaint_by_handler(order_reference=self.order.name)
        self._complaint_by_handler(order_reference=self.other_order.name)
        # salespeople see how many, without complaint rights
        order = self.order.with_user(self.salesman)
        self.assertEqual(order.complaint_count, 1)
        action = order.action_view_complaints()
        self.assertEqual(
            self.env["helpdesk.ticket"].with_user(self.handler).search(action["domain"]),
            complaint,
        )
        self.assertEqual(self.order.iso10002_complaint_ids, complaint)

    def test_anonymising_unlinks_the_order(self):
        complaint = self._complaint_by_handler(order_reference=self.order.name)
        self._commit_tracking()  # changes made after creation are tracked
        complaint.write({"sale_order_id": False})
        self._commit_tracking()
        complaint.write({"sale_order_id": self.order.id})
        self._commit_tracking()
        complaint.sudo()._iso_anonymise("test")
        self.env.flush_all()
        self.assertFalse(complaint.sale_order_id)
        self.assertFalse(complaint.sale_order_name)
        self.assertFalse(self.order.iso10002_complaint_ids)
        tracked = complaint.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "sale_order_id"
        )
        self.assertTrue(tracked)
        self.assertFalse(
            any(tracked.mapped("old_value_char") + tracked.mapped("new_value_char")),
            "the order's number is gone from the history too",
        )
