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
        self.env.ref("odoo_iso10002.helpdesk_ticket_team_complaints").user_ids += handler
        self.start_tour(
            "/odoo/complaints",
            "odoo_iso10002_handler_complaint_lifecycle",
            login=handler.login,
        )
        complaint = self.env["helpdesk.ticket"].search([("name", "=", "Wobbly table leg")])
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.complainant_response, "accepted")
        self.assertEqual(
            complaint.root_cause_id, self.env.ref("odoo_iso10002.root_cause_product_defect")
        )
        self.assertTrue(complaint.date_acknowledged and complaint.date_decision_communicated)
