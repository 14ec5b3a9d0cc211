from unittest.mock import patch

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import Iso10002Case


@tagged("post_install", "-at_install")
class TestIntake(Iso10002Case):
    """A complaint is registered in the request that receives it: numbered,
    prioritised, given its deadlines and flagged for the acknowledgement, in
    the one INSERT that creates it."""

    def _create(self, team, **values):
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.handler)
            .create(
                {
                    "name": "The parcel arrived damaged",
                    "description": "<p>The lamp inside is broken.</p>",
                    "team_id": team.id,
                    "partner_id": self.partner.id,
                    **values,
                }
            )
        )

    def _statements(self, team):
        """The new ticket and the SQL statements of its creation, flush
        included, as a new request has it: the records' cache emptied, the
        ormcaches warm."""
        self.env.flush_all()
        self.env.invalidate_all()
        with patch.object(self.env.cr, "execute", wraps=self.env.cr.execute) as execute:
            ticket = self._create(team)
            self.env.flush_all()
        queries = (call.args[0] for call in execute.call_args_list)
        return ticket, [" ".join(getattr(query, "code", query).split()) for query in queries]

    def test_complaint_inserted_whole(self):
        complaint = self._create(self.complaint_team, severity="3", impact="3")
        # read from the table before any flush: only what the INSERT wrote
        self.env.cr.execute(
            """SELECT is_complaint, iso_step, commercial_partner_id, priority,
                      deadline_policy_id, deadline_acknowledge, deadline_close,
                      deadline_acknowledge_state, acknowledgement_pending, is_repeat
                 FROM helpdesk_ticket WHERE id = %s""",
            [complaint.id],
        )
        row = self.env.cr.fetchone()
        self.assertEqual(
            row,
            (
                True,
                "received",
                self.partner.id,
                "3",
                complaint.deadline_policy_id.id,
                complaint.deadline_acknowledge,
                complaint.deadline_close,
                "on_track",
                True,
                False,
            ),
        )
        self.assertTrue(complaint.deadline_policy_id and complaint.deadline_close)

    def test_intake_writes_once_and_reads_what_it_needs(self):
        for _index in range(3):  # the customer's earlier complaints, and warm caches
            self._create(self.complaint_team)
        self._create(self.plain_team)
        for team in (self.plain_team, self.complaint_team):
            ticket, statements = self._statements(team)
            writes = [
                s
                for s in statements
                if s.startswith(('INSERT INTO "helpdesk_ticket" ', 'UPDATE "helpdesk_ticket" '))
            ]
            self.assertEqual(len(writes), 1, f"{ticket.number}: one INSERT, no UPDATE: {writes}")
            # the priority matrix and the team's stages come from their caches
            self.assertFalse([s for s in statements if '"iso10002_priority_matrix"' in s])
            stage_searches = [
                s for s in statements if s.startswith('SELECT "helpdesk_ticket_stage"."id" FROM')
            ]
            self.assertEqual(len(stage_searches), 1, "the default stage only")
            # the customer's open-complaint flags are counted, their complaints not read
            self.assertFalse(
                [s for s in statements if '"helpdesk_ticket"."access_token"' in s],
                "no complaint of the customer is read whole",
            )
        self.assertTrue(ticket.acknowledgement_pending)
        self.assertTrue(self.partner.iso10002_has_open_complaint)

    def test_configuration_changes_reach_the_next_complaint(self):
        """What intake caches (stages of a team, priority matrix) follows the
        admins' changes at once."""
        complaint = self._create(self.complaint_team)
        extra = self.env["helpdesk.ticket.stage"].create(
            {
                "name": "Test Second Opinion",
                "iso_step": "received",
                "sequence": 101,
                "team_ids": [Command.set(self.other_complaint_team.ids)],
            }
        )
        with self.assertRaisesRegex(ValidationError, "is not one of the ISO 10002"):
            complaint.stage_id = extra
        extra.team_ids = [Command.link(self.complaint_team.id)]
        complaint.stage_id = extra
        self.assertEqual(complaint.stage_id, extra)
        extra.team_ids = [Command.set(self.other_complaint_team.ids)]
        with self.assertRaisesRegex(ValidationError, "is not one of the ISO 10002"):
            complaint.with_user(self.manager).write({"stage_id": extra.id})
        self.assertEqual(self._create(self.complaint_team, severity="1", impact="1").priority, "0")
        self.env.ref("odoo_iso10002.priority_matrix_s1_i1").with_user(self.manager).priority = "2"
        self.assertEqual(self._create(self.complaint_team, severity="1", impact="1").priority, "2")
