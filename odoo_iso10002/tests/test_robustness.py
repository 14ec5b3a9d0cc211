from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import MissingError, ValidationError

from ..const import ATTACHMENT_SIZE_MAX, MB
from .common import Iso10002Case


class TestRobustness(Iso10002Case):
    """Every write path refuses impossible input with a clear message and
    writes nothing. (Negative compensation: test_lifecycle; crons surviving a
    failing complaint: test_lifecycle, test_escalation and test_privacy;
    markup in mails: test_mail_gateway.)"""

    def assertRefused(self, complaint, values, message):
        """Writing `values` raises `message`; the complaint keeps its values."""
        fnames = list(values)
        before = complaint.read(fnames)
        with self.assertRaises(ValidationError) as caught:
            complaint.write(values)
        self.assertIn(message, str(caught.exception))
        self.assertEqual(complaint.read(fnames), before)

    @freeze_time("2026-03-02 09:00:00")
    def test_date_received_in_the_future(self):
        complaint = self._as_handler(self._create_ticket(self.complaint_team))
        self.assertRefused(
            complaint, {"date_received": datetime(2026, 3, 3, 9, 0)}, "is in the future"
        )
        # a device whose clock runs a little ahead is no reason to refuse
        complaint.date_received = datetime(2026, 3, 2, 9, 2)
        self.assertEqual(complaint.date_received, datetime(2026, 3, 2, 9, 2))

    def test_date_received_in_the_future_on_creation(self):
        with freeze_time("2026-03-02 09:00:00"), self.assertRaises(ValidationError):
            self.env["helpdesk.ticket"].with_user(self.handler).create(
                {
                    "name": "Phoned in",
                    "description": "<p>Typed with the wrong year.</p>",
                    "team_id": self.complaint_team.id,
                    "date_received": datetime(2026, 4, 1),
                }
            )
        self.assertFalse(
            self.env["helpdesk.ticket"].search([("date_received", "=", datetime(2026, 4, 1))])
        )

    def test_step_dates_not_before_receipt(self):
        with freeze_time("2026-03-02 09:00:00"):
            complaint = self._assessed()
        self.assertEqual(complaint.date_acknowledged, datetime(2026, 3, 2, 9, 0))
        with freeze_time("2026-03-04 09:00:00"):
            self.assertRefused(
                complaint,
                {"date_received": datetime(2026, 3, 3, 9, 0)},
                "cannot come before the date received",
            )
            self.assertRefused(
                complaint,
                {"date_acknowledged": datetime(2026, 3, 1, 9, 0)},
                "“Acknowledged On”",
            )
            # received a day earlier than first typed: fine
            complaint.date_received = datetime(2026, 3, 1, 9, 0)

    def test_closing_not_before_the_decision(self):
        with freeze_time("2026-03-02 09:00:00"):
            complaint = self._investigated()
        with freeze_time("2026-03-03 09:00:00"):
            complaint.write({"decision": "upheld", "decision_text": "<p>We replace it.</p>"})
            complaint.action_communicate_decision()
        with freeze_time("2026-03-05 09:00:00"):
            complaint.action_record_acceptance()
        self.assertRefused(
            complaint,
            {"date_closed": datetime(2026, 3, 2, 12, 0)},
            "before its decision was communicated (Mar 3, 2026",
        )

    def test_unknown_stage(self):
        complaint = self._assessed()
        stage = complaint.stage_id
        with self.assertRaises(MissingError):
            complaint.write({"stage_id": 999_999_999})
        self.assertEqual(complaint.stage_id, stage)

    def test_stage_outside_the_iso_process(self):
        complaint = self._assessed()
        generic = self.env["helpdesk.ticket.stage"].create({"name": "Test Waiting"})
        self.assertRefused(complaint, {"stage_id": generic.id}, "is not one of the ISO 10002")
        other_team_stage = self.env["helpdesk.ticket.stage"].create(
            {
                "name": "Test Other Investigation",
                "iso_step": "investigation",
                "team_ids": [Command.set(self.other_complaint_team.ids)],
            }
        )
        self.assertRefused(complaint, {"stage_id": other_team_stage.id}, "of team Test Complaints")
        # plain tickets keep helpdesk's free stages
        ticket = self._create_ticket(self.plain_team)
        ticket.stage_id = generic
        self.assertEqual(ticket.stage_id, generic)

    def test_oversized_upload_in_the_composer(self):
        complaint = self._assessed()
        Attachment = self.env["ir.attachment"].with_user(self.handler)

        def upload(name, size, signature=b""):
            # as /mail/attachment/upload does for the composer
            raw = signature + b"x" * (size - len(signature))
            return Attachment.sudo().create(
                {"name": name, "raw": raw, "res_model": "mail.compose.message", "res_id": 0}
            )

        self.env.cr.flush()  # the assessment's tracking, as its request's commit writes it
        messages = complaint.message_ids
        big = upload("video.mp4", ATTACHMENT_SIZE_MAX + MB)
        with self.assertRaises(ValidationError) as caught:
            complaint.message_post(body="See the video", attachment_ids=big.ids)
        self.assertIn(
            "“video.mp4” is 6.0 MB: files on a complaint may be 5 MB at most", str(caught.exception)
        )
        self.assertEqual(complaint.message_ids, messages, "nothing posted")
        self.assertEqual(big.res_model, "mail.compose.message", "nor attached")

        photo = upload("photo.jpg", 1024, b"\xff\xd8\xff\xe0")
        message = complaint.message_post(body="See the photo", attachment_ids=photo.ids)
        self.assertEqual(message.attachment_ids, photo)
        self.assertEqual(photo.res_model, "helpdesk.ticket")

    def test_mail_with_a_large_file_is_not_lost(self):
        complaint = self._assessed()
        message = complaint.sudo().message_post(
            body="The full video",
            message_type="email",
            email_from="jonas@example.com",
            attachments=[("video.mp4", b"x" * (ATTACHMENT_SIZE_MAX + 1))],
        )
        self.assertEqual(message.attachment_ids.mapped("name"), ["video.mp4"])
