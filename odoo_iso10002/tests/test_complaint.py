from datetime import date

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form

from .common import Iso10002Case


class TestComplaint(Iso10002Case):
    def test_ticket_in_complaint_team_is_complaint(self):
        # no e-mail address: not acknowledged automatically, stays at receipt
        complaint = self._create_ticket(self.complaint_team, partner_id=False)
        self.assertTrue(complaint.is_complaint)
        self.assertTrue(complaint.number.startswith(f"CMP/{date.today().year}/"))
        self.assertEqual(complaint.iso_step, "received")
        self.assertEqual(complaint.stage_id, self.iso_stages[0])

    def test_each_complaint_gets_its_own_reference(self):
        first, second = (self._create_ticket(self.complaint_team) for _i in range(2))
        self.assertNotEqual(first.number, second.number)

    def test_ticket_in_plain_team_is_unchanged(self):
        ticket = self._create_ticket(self.plain_team)
        self.assertFalse(ticket.is_complaint)
        self.assertFalse(ticket.iso_step)
        self.assertTrue(ticket.number.startswith("HT"))
        self.assertEqual(ticket.stage_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new"))

    def test_explicit_number_is_kept(self):
        complaint = self._create_ticket(self.complaint_team, number="LEGACY-42")
        self.assertEqual(complaint.number, "LEGACY-42")

    def test_team_from_assigned_user(self):
        # helpdesk_mgmt computes the team from the user's teams after creation.
        complaint = self.env["helpdesk.ticket"].create(
            {
                "name": "No answer to my e-mails",
                "description": "<p>Nobody answered.</p>",
                "user_id": self.handler.id,
            }
        )
        self.assertEqual(complaint.team_id, self.complaint_team)
        self.assertTrue(complaint.number.startswith("CMP/"))

    def test_ticket_moved_to_complaint_team_becomes_complaint(self):
        ticket = self._create_ticket(self.plain_team)
        ticket_number = ticket.number
        ticket.team_id = self.complaint_team
        self.assertTrue(ticket.is_complaint)
        self.assertTrue(ticket.number.startswith("CMP/"))
        self.assertEqual(ticket.iso_step, "received")
        self.assertIn(ticket_number, ticket.message_ids[0].body)

    def test_copy_of_a_complaint_is_a_complaint_with_its_own_reference(self):
        complaint = self._create_ticket(self.complaint_team)
        copy = complaint.with_user(self.handler).copy()
        self._send_acknowledgements()
        self.assertTrue(copy.is_complaint)
        self.assertTrue(copy.number.startswith(f"CMP/{date.today().year}/"))
        self.assertNotEqual(copy.number, complaint.number)
        self.assertEqual(copy.iso_step, "acknowledged", "received anew, and acknowledged")
        ticket = self._create_ticket(self.plain_team)
        self.assertTrue(ticket.copy().number.startswith("HT"))

    def test_complaint_stays_a_complaint_reference(self):
        complaint = self._create_ticket(self.complaint_team)
        reference = complaint.number
        complaint.team_id = self.other_complaint_team
        self.assertEqual(complaint.number, reference)

    def test_new_complaint_form_defaults_to_users_complaint_team(self):
        env = self.env(user=self.handler, context={"iso10002_complaints": True})
        with Form(env["helpdesk.ticket"]) as form:
            form.name = "Rude answer on the phone"
            form.description = "<p>The operator hung up on me.</p>"
        complaint = form.record
        self.assertEqual(complaint.team_id, self.complaint_team)
        self.assertTrue(complaint.number.startswith("CMP/"))

    def test_unsaved_complaint_is_named_new_complaint(self):
        # The name the web client's breadcrumb shows on a form not yet saved.
        env = self.env(user=self.handler, context={"iso10002_complaints": True})
        spec = {"team_id": {}, "name": {}, "display_name": {}}
        values = env["helpdesk.ticket"].onchange({}, [], spec)["value"]
        self.assertEqual(values["display_name"], "New complaint")
        values = env["helpdesk.ticket"].onchange({**values, "name": "Rude answer"}, ["name"], spec)[
            "value"
        ]
        self.assertEqual(values["display_name"], "New complaint - Rude answer")
        complaint = self._create_ticket(self.complaint_team, name="Rude answer")
        self.assertEqual(complaint.display_name, f"{complaint.number} - Rude answer")

    def test_unsaved_plain_ticket_is_named_new_ticket(self):
        tickets = self.env["helpdesk.ticket"].with_context(default_team_id=self.plain_team.id)
        spec = {"team_id": {}, "name": {}, "display_name": {}}
        self.assertEqual(tickets.onchange({}, [], spec)["value"]["display_name"], "New ticket")

    def test_complaint_kanban_shows_iso_stages_only(self):
        tickets = self.env["helpdesk.ticket"].with_context(iso10002_complaints=True)
        groups = tickets.web_read_group(
            [("team_id", "=", self.complaint_team.id)], ["stage_id"], ["stage_id"]
        )["groups"]
        stages = self.env["helpdesk.ticket.stage"].browse(
            [group["stage_id"][0] for group in groups]
        )
        self.assertTrue(stages)
        self.assertTrue(all(stages.mapped("iso_step")))

    def test_iso_stage_only_for_complaint_teams(self):
        with self.assertRaisesRegex(ValidationError, "restricted to complaint teams"):
            self.iso_stages[0].team_ids = [Command.link(self.plain_team.id)]
        with self.assertRaisesRegex(ValidationError, "restricted to complaint teams"):
            self.env["helpdesk.ticket.stage"].create({"name": "Triage", "iso_step": "assessment"})

    def test_team_with_iso_stages_stays_complaint_team(self):
        with self.assertRaisesRegex(ValidationError, "remove the team"):
            self.complaint_team.is_complaint_team = False

    def test_only_closed_step_closes(self):
        with self.assertRaisesRegex(ValidationError, "only the ISO step"):
            self.iso_stages.filtered(lambda s: s.iso_step == "response").closed = True
        with self.assertRaisesRegex(ValidationError, "only the ISO step"):
            self.iso_stages.filtered(lambda s: s.iso_step == "closed").closed = False
        with self.assertRaisesRegex(ValidationError, "never from the portal"):
            self.iso_stages.filtered(lambda s: s.iso_step == "closed").close_from_portal = True

    def test_stage_form_closes_with_closed_step(self):
        with Form(self.env["helpdesk.ticket.stage"]) as form:
            form.name = "Done and dusted"
            form.team_ids.add(self.complaint_team)
            form.iso_step = "closed"
            self.assertTrue(form.closed)
