import re

from lxml import html

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.odoo_iso10002.const import ISO_STEPS

from .common import create_orders

CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


@tagged("post_install", "-at_install")
class TestComplaintSaleOrderPortal(HttpCase):
    """The order on the website: matched from the public complaint form,
    shown in the portal to its customer only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Sales Portal Complaints", "is_complaint_team": True}
        )
        cls.env["helpdesk.ticket.stage"].create(
            [
                {
                    "name": f"Sales Portal {label}",
                    "sequence": 300 + index,
                    "iso_step": step,
                    "closed": step == "closed",
                    "team_ids": [Command.set(team.ids)],
                }
                for index, (step, label) in enumerate(ISO_STEPS)
            ]
        )
        cls.customer = cls.env["res.partner"].create({"name": "Baldai UAB", "is_company": True})
        cls.portal_user = new_test_user(
            cls.env,
            login="iso_sale_portal_ona",
            groups="base.group_portal",
            name="Ona Onaitė",
            email="ona.sale@example.com",
        )
        cls.portal_user.partner_id.parent_id = cls.customer
        cls.other_portal_user = new_test_user(
            cls.env,
            login="iso_sale_portal_petras",
            groups="base.group_portal",
            name="Petras Petraitis",
            email="petras.sale@example.com",
        )
        cls.order = create_orders(cls.env, cls.customer, client_order_ref="PO-77")
        cls.complaint = cls.env["helpdesk.ticket"].create(
            {
                "name": "The cabinet arrived scratched",
                "description": "<p>Deep scratches on the door.</p>",
                "team_id": team.id,
                "partner_id": cls.portal_user.partner_id.id,
                "order_reference": "PO-77",
            }
        )
        # someone else who follows the complaint, not a customer of the order
        cls.complaint.message_subscribe(partner_ids=cls.other_portal_user.partner_id.ids)

    def _submit(self, **values):
        page = self.url_open("/complaints/new").text
        data = {
            "csrf_token": CSRF_RE.search(page).group(1),
            "name": "Ona Onaitė",
            "email": "ona.sale@example.com",
            "subject": "Two chairs missing",
            "description": "Two of the twelve chairs were not delivered.",
            "preferred_contact": "email",
            **values,
        }
        response = self.url_open("/complaints/submit", data=data, timeout=60)
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        return self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.portal_user.partner_id.id)], order="id desc", limit=1
        )

    def _page(self, user, url):
        self.authenticate(user.login, user.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return html.fromstring(response.text)

    def test_public_form_links_the_order_named(self):
        complaint = self._submit(order_reference=self.order.name.lower())
        self.assertNotEqual(complaint, self.complaint)
        self.assertEqual(complaint.sale_order_id, self.order)
        self.assertEqual(complaint.order_reference, self.order.name.lower())

    def test_public_form_keeps_a_reference_of_no_order(self):
        complaint = self._submit(order_reference="Chair model K-12")
        self.assertNotEqual(complaint, self.complaint)
        self.assertFalse(complaint.sale_order_id)
        self.assertEqual(complaint.order_reference, "Chair model K-12")

    def test_portal_shows_the_order_to_its_customer(self):
        self.assertEqual(self.complaint.sale_order_id, self.order)
        link = f"//a[@href='{self.order.access_url}']"
        page = self._page(self.portal_user, f"/my/ticket/{self.complaint.id}")
        [order_link] = page.xpath(f"//div[@id='complaint_sale_order']{link}")
        self.assertEqual(order_link.text_content(), self.order.name)
        self.assertNotIn("PO-77", page.text_content(), "the reference is the order's: not twice")
        order_page = self._page(self.portal_user, order_link.get("href"))
        self.assertIn(self.order.name, order_page.text_content(), "the customer opens the order")
        [row_link] = self._page(self.portal_user, "/my/tickets").xpath(f"//td{link}")
        self.assertEqual(row_link.text_content(), self.order.name)
        # a follower who is not its customer sees the reference, not the order
        page = self._page(self.other_portal_user, f"/my/ticket/{self.complaint.id}")
        self.assertFalse(page.xpath(link))
        self.assertNotIn(self.order.name, page.text_content())
        self.assertIn("PO-77", page.text_content())
        page = self._page(self.other_portal_user, "/my/tickets")
        self.assertIn(self.complaint.number, page.text_content())
        self.assertFalse(page.xpath(link))
