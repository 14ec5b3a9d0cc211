from odoo.exceptions import AccessError

from .common import Iso10002Case


class TestAccess(Iso10002Case):
    """Each role, as a restricted user, against complaints and configuration."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls._create_ticket(cls.complaint_team)
        cls.other_complaint = cls._create_ticket(cls.other_complaint_team)
        cls.plain_ticket = cls._create_ticket(cls.plain_team)

    def test_handler_works_complaints_of_own_teams(self):
        tickets = self.env["helpdesk.ticket"].with_user(self.handler)
        complaint = tickets.create(
            {
                "name": "Wrong size delivered",
                "description": "<p>Size M instead of L.</p>",
                "team_id": self.complaint_team.id,
            }
        )
        self.assertTrue(complaint.number.startswith("CMP/"))
        complaint.stage_id = self.iso_stages[1]
        self.assertEqual(complaint.iso_step, "acknowledged")
        found = tickets.search([("is_complaint", "=", True)])
        self.assertIn(self.complaint, found)
        self.assertNotIn(self.other_complaint, found)
        with self.assertRaises(AccessError):
            self.other_complaint.with_user(self.handler).read(["name"])
        with self.assertRaises(AccessError):
            complaint.unlink()

    def test_handler_cannot_configure(self):
        with self.assertRaises(AccessError):
            self.iso_stages[0].with_user(self.handler).name = "Logged"
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket.team"].with_user(self.handler).create(
                {"name": "My own complaints", "is_complaint_team": True}
            )

    def test_manager_sees_all_and_configures(self):
        tickets = self.env["helpdesk.ticket"].with_user(self.manager)
        found = tickets.search([("is_complaint", "=", True)])
        self.assertIn(self.complaint, found)
        self.assertIn(self.other_complaint, found)
        team = (
            self.env["helpdesk.ticket.team"]
            .with_user(self.manager)
            .create({"name": "Warranty Complaints", "is_complaint_team": True})
        )
        stage = (
            self.env["helpdesk.ticket.stage"]
            .with_user(self.manager)
            .create({"name": "Expert Review", "iso_step": "investigation", "team_ids": [team.id]})
        )
        self.assertEqual(team._get_applicable_stages(), stage)
        self.other_complaint.with_user(self.manager).unlink()
        self.assertFalse(self.other_complaint.exists())

    def test_auditor_reads_every_complaint_and_writes_nothing(self):
        tickets = self.env["helpdesk.ticket"].with_user(self.auditor)
        found = tickets.search([])
        self.assertIn(self.complaint, found)
        self.assertIn(self.other_complaint, found)
        self.assertNotIn(self.plain_ticket, found)
        self.assertEqual(self.complaint.with_user(self.auditor).number, self.complaint.number)
        self.complaint.with_user(self.auditor).message_ids.read(["body"])
        with self.assertRaises(AccessError):
            self.complaint.with_user(self.auditor).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            tickets.create(
                {
                    "name": "Auditor's complaint",
                    "description": "<p>Not allowed.</p>",
                    "team_id": self.complaint_team.id,
                }
            )
        with self.assertRaises(AccessError):
            self.complaint.with_user(self.auditor).unlink()
        with self.assertRaises(AccessError):
            self.iso_stages[0].with_user(self.auditor).name = "Logged"

    def test_auditor_cannot_read_plain_tickets(self):
        with self.assertRaises(AccessError):
            self.plain_ticket.with_user(self.auditor).read(["name"])
