from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user

from .common import Iso10002Case


class TestCrm(Iso10002Case):
    """Complaints seen from leads, opportunities and customers, by sales."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = new_test_user(
            cls.env, login="iso_salesperson", groups="sales_team.group_sale_salesman"
        )
        cls.sales_team = cls.env["crm.team"].create(
            {"name": "Key Accounts", "member_ids": [Command.link(cls.salesperson.id)]}
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Baldai UAB",
                "is_company": True,
                "user_id": cls.salesperson.id,
            }
        )
        cls.buyer, cls.accountant = cls.env["res.partner"].create(
            [
                {"name": "Rasa", "parent_id": cls.customer.id, "email": "rasa@baldai.example"},
                {"name": "Tomas", "parent_id": cls.customer.id, "email": "tomas@baldai.example"},
            ]
        )
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Office refit 2027",
                "type": "opportunity",
                "partner_id": cls.accountant.id,
                "user_id": cls.salesperson.id,
                "description": "<p>Forty desks for the new floor.</p>",
            }
        )

    def _complaint(self, partner, **values):
        return self._create_ticket(self.complaint_team, partner_id=partner.id, **values)

    def test_counts_gather_the_company_and_its_contacts(self):
        self._complaint(self.buyer)
        self._complaint(self.customer)
        self._complaint(self.accountant).action_withdraw()
        self._create_ticket(self.plain_team, partner_id=self.buyer.id)  # not a complaint
        for partner in (self.customer, self.buyer, self.accountant):
            self.assertEqual(partner.complaint_count, 3)
            self.assertEqual(partner.open_complaint_count, 2)
        opportunity = self.opportunity.with_user(self.salesperson)
        self.assertEqual(opportunity.complaint_count, 3)
        self.assertEqual(opportunity.open_complaint_count, 2)
        self.assertTrue(opportunity.has_open_complaint)

    def test_salesperson_sees_counts_not_details(self):
        complaint = self._complaint(self.buyer)
        opportunity = self.opportunity.with_user(self.salesperson)
        self.assertEqual(opportunity.complaint_count, 1)
        with self.assertRaises(AccessError):
            complaint.with_user(self.salesperson).read(["description", "findings"])

    def test_salesperson_registers_a_complaint_from_the_opportunity(self):
        opportunity = self.opportunity.with_user(self.salesperson)
        action = opportunity.action_register_complaint()
        wizard_model = self.env[action["res_model"]].with_user(self.salesperson)
        with Form(wizard_model.with_context(**action["context"])) as wizard:
            self.assertEqual(wizard.partner_id, self.accountant)
            self.assertEqual(wizard.name, "Office refit 2027")
            wizard.name = "Desks delivered scratched"
            wizard.description = "<p>Two desks had deep scratches.</p>"
        result = wizard.record.action_register()
        complaint = self.env["helpdesk.ticket"].browse(result["res_id"])
        self.assertTrue(complaint.is_complaint)
        self.assertTrue(complaint.number.startswith("CMP/"))
        self.assertEqual(complaint.partner_id, self.accountant)
        self.assertEqual(self.opportunity.ticket_id, complaint)
        # the salesperson who took it follows it, and so may read it
        self.assertEqual(complaint.with_user(self.salesperson).name, "Desks delivered scratched")

    def test_warning_while_a_serious_complaint_is_open(self):
        self.assertFalse(self.opportunity.has_serious_open_complaint)
        minor = self._complaint(self.buyer, severity="1")
        self.assertFalse(self.customer.iso10002_has_serious_open_complaint)
        serious = self._complaint(self.buyer, health_safety=True)
        self.assertTrue(self.customer.iso10002_has_serious_open_complaint)
        self.assertTrue(self.opportunity.has_serious_open_complaint)
        serious.action_withdraw()
        self.assertFalse(self.opportunity.has_serious_open_complaint)
        self.assertTrue(self.opportunity.has_open_complaint, "the minor one is still open")
        minor.action_withdraw()
        self.assertFalse(self.opportunity.has_open_complaint)

    def test_service_recovery_opportunity(self):
        complaint = self._complaint(self.buyer).with_user(self.handler)  # no CRM rights
        action = complaint.action_create_recovery_opportunity()
        self.assertEqual(action["tag"], "display_notification")
        lead = complaint.sudo().lead_ids
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.partner_id, self.buyer)
        self.assertEqual(lead.user_id, self.salesperson, "the customer's salesperson")
        self.assertEqual(lead.team_id, self.sales_team)
        self.assertEqual(lead.ticket_id, complaint)
        self.assertEqual(complaint.lead_count, 1)
        self.assertEqual(lead.with_user(self.salesperson).ticket_id.id, complaint.id)
        self.assertIn(lead.name, complaint.message_ids[0].body)
        self.assertNotIn("lamp", lead.description or "", "complaint details stay on it")

    def test_crm_reporting_by_open_complaint(self):
        self._complaint(self.buyer)
        other = self.env["crm.lead"].create({"name": "Chairs", "type": "opportunity"})
        groups = self.env["crm.lead"]._read_group(
            [("id", "in", (self.opportunity | other).ids)], ["has_open_complaint"], ["__count"]
        )
        self.assertEqual(dict(groups), {True: 1, False: 1})
