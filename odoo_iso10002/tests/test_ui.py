from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintTour(HttpCase):
    def test_handler_registers_complaint(self):
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "Tour Complaints", "is_complaint_team": True}
        )
        self.env.ref("odoo_iso10002.helpdesk_ticket_stage_received").team_ids += team
        handler = new_test_user(
            self.env,
            login="iso_tour_handler",
            groups="odoo_iso10002.group_complaint_user",
        )
        team.user_ids += handler
        self.start_tour(
            "/odoo/complaints",
            "odoo_iso10002_handler_registers_complaint",
            login=handler.login,
        )
        complaint = self.env["helpdesk.ticket"].search([("name", "=", "Lamp arrived broken")])
        self.assertEqual(complaint.team_id, team)
        self.assertTrue(complaint.number.startswith("CMP/"))
        self.assertEqual(complaint.iso_step, "received")

    def test_handler_takes_a_complaint_from_receipt_to_closing(self):
        handler = new_test_user(
            self.env,
            login="iso_tour_lifecycle",
            groups="odoo_iso10002.group_complaint_user",
        )
        team = self.env.ref("odoo_iso10002.helpdesk_ticket_team_complaints")
        team.user_ids += handler
        team.iso_remedies_before_closing = True
        # a remedy a handler delivers by hand, whatever bridge addons deliver
        # the shipped types (a repair order, with Repairs)
        self.env["iso10002.remedy.type"].create({"name": "Technician visit", "delivery": "hand"})
        self.start_tour(
            "/odoo/complaints",
            "odoo_iso10002_handler_complaint_lifecycle",
            login=handler.login,
        )
        complaint = self.env["helpdesk.ticket"].search([("name", "=", "Wobbly table leg")])
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.remedy_ids.remedy_type_id.name, "Technician visit")
        self.assertEqual(complaint.remedy_ids.state, "delivered")
        self.assertEqual(complaint.complainant_response, "accepted")
        self.assertEqual(
            complaint.root_cause_id, self.env.ref("odoo_iso10002.root_cause_product_defect")
        )
        self.assertTrue(complaint.date_acknowledged and complaint.date_decision_communicated)

    def test_manager_runs_a_management_review(self):
        manager = new_test_user(
            self.env, login="iso_tour_manager", groups="odoo_iso10002.group_complaint_manager"
        )
        self.start_tour(
            "/odoo/complaint-reviews",
            "odoo_iso10002_manager_management_review",
            login=manager.login,
        )
        review = self.env["iso10002.management.review"].search(
            [("other_attendees", "=", "External auditor")]
        )
        self.assertEqual(review.state, "done")
        self.assertIn("deliveries cause most complaints", review.conclusions)
        self.assertTrue(review.line_ids.filtered(lambda line: line.key == "received"))

    def test_portal_customer_accepts_the_decision(self):
        customer = new_test_user(
            self.env, login="iso_tour_customer", groups="base.group_portal", name="Ona Tour"
        )
        complaint = self.env["helpdesk.ticket"].create(
            {
                "name": "Sofa delivered with a torn cover",
                "description": "<p>The cover is torn.</p>",
                "team_id": self.env.ref("odoo_iso10002.helpdesk_ticket_team_complaints").id,
                "partner_id": customer.partner_id.id,
            }
        )
        self.env["helpdesk.ticket"]._cron_send_acknowledgements()  # as after the commit
        complaint.write({"severity": "2", "complexity": "1", "impact": "1"})
        complaint._iso_move_to("investigation")
        complaint.write(
            {
                "findings": "<p>Torn in the warehouse.</p>",
                "root_cause_id": self.env.ref("odoo_iso10002.root_cause_delivery").id,
            }
        )
        complaint._iso_move_to("response")
        complaint.write(
            {
                "decision": "upheld",
                "decision_text": "<p>We replace the cover.</p>",
                "remedy_ids": [
                    Command.create(
                        {"remedy_type_id": self.env.ref("odoo_iso10002.remedy_type_replacement").id}
                    )
                ],
            }
        )
        complaint.action_communicate_decision()
        self.start_tour(
            f"/my/ticket/{complaint.id}",
            "odoo_iso10002_portal_answers_decision",
            login=customer.login,
        )
        self.assertEqual(complaint.complainant_response, "accepted")
        self.assertEqual(complaint.iso_step, "closed")
