import ast
import logging

from odoo.tools import mute_logger

from .common import Iso10002Case

MESSAGE = """Return-Path: <{sender}>
To: {to}
{from_header}Subject: {subject}
Date: Mon, 02 Mar 2026 09:00:00 +0000
Message-ID: <{msgid}@example.com>
MIME-Version: 1.0
Content-Type: {content_type}
Content-Transfer-Encoding: 8bit

"""


class TestMailGateway(Iso10002Case):
    """Complaints received by e-mail on the team's alias (ISO 10002 7.2):
    real RFC 822 messages, malformed ones included. Nothing is lost, nothing
    submitted is executed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        alias_domain = cls.env["mail.alias.domain"].create({"name": "complaints.example.com"})
        cls.company.alias_domain_id = alias_domain
        cls.complaint_team.write(
            {"alias_name": "test-complaints", "alias_domain_id": alias_domain.id}
        )
        cls.to = "test-complaints@complaints.example.com"

    def _receive(
        self,
        body,
        subject="Broken lamp",
        sender="jonas@example.com",
        msgid="m1",
        content_type="text/plain; charset=utf-8",
        from_header=True,
        raw=None,
    ):
        if raw is None:
            header = MESSAGE.format(
                sender=sender,
                to=self.to,
                from_header=f"From: Jonas <{sender}>\n" if from_header else "",
                subject=subject,
                msgid=msgid,
                content_type=content_type,
            )
            raw = header.encode() + (body if isinstance(body, bytes) else body.encode())
        self.env["mail.thread"].message_process(None, raw)
        self._send_acknowledgements()  # once the gateway's transaction committed
        return self.env["helpdesk.ticket"].search([("name", "=", subject)])

    def _reply(self, complaint, msgid, body, headers=""):
        """Jonas answers the complaint's first mail (<m1@example.com>)."""
        raw = MESSAGE.format(
            sender="jonas@example.com",
            to=self.to,
            from_header=f"From: Jonas <jonas@example.com>\n{headers}",
            subject=f"Re: {complaint.name}",
            msgid=msgid,
            content_type="text/plain; charset=utf-8",
        ).replace("MIME-Version", "In-Reply-To: <m1@example.com>\nMIME-Version")
        self.env["mail.thread"].message_process(None, raw.encode() + body)

    def test_known_sender_becomes_a_complaint(self):
        complaint = self._receive("The lamp arrived broken.\nPlease replace it.")
        self.assertEqual(complaint.team_id, self.complaint_team)
        self.assertTrue(complaint.number.startswith("CMP/"))
        self.assertEqual(complaint.partner_id, self.partner)
        self.assertEqual(
            complaint.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        )
        self.assertIn("arrived broken", complaint.description)
        self.assertEqual(complaint.iso_step, "acknowledged", "acknowledged by return mail")

    def test_unknown_sender_is_kept(self):
        complaint = self._receive("Nobody answers.", sender="stranger@example.org")
        self.assertFalse(complaint.partner_id)
        self.assertIn("stranger@example.org", complaint.partner_email)
        self.assertEqual(complaint.partner_name, "Jonas")
        self.assertEqual(complaint.iso_step, "acknowledged")

    def test_reply_lands_on_the_same_complaint(self):
        complaint = self._receive("First message.")
        self._reply(complaint, "m2", b"One more photo.")
        self.assertEqual(
            self.env["helpdesk.ticket"].search_count([("team_id", "=", self.complaint_team.id)]), 1
        )
        self.assertIn("One more photo.", complaint.message_ids[0].body)

    def test_message_without_sender_is_not_lost(self):
        with mute_logger("odoo.addons.mail.models.mail_thread"):
            complaint = self._receive("Anonymous letter.", from_header=False, sender="")
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.is_complaint)
        self.assertIn("Anonymous letter.", complaint.description)
        self.assertEqual(complaint.iso_step, "received", "no address to acknowledge to")

    def test_non_utf8_message(self):
        body = "Kėdė sulūžo, prašau grąžinti pinigus.".encode("iso-8859-13")
        complaint = self._receive(body, content_type="text/plain; charset=iso-8859-13")
        self.assertIn("Kėdė sulūžo", complaint.description)

    def test_undeclared_charset_is_not_lost(self):
        body = "Kėdė sulūžo".encode("cp1257")
        complaint = self._receive(body, content_type="text/plain")
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.description)

    def test_markup_is_never_executed(self):
        html = (
            "<html><body><p>Broken</p><script>alert('x')</script>"
            "<img src='x' onerror='alert(1)'><a href='javascript:alert(2)'>link</a></body></html>"
        )
        complaint = self._receive(html, content_type="text/html; charset=utf-8")
        self.assertIn("Broken", complaint.description)
        for dangerous in ("<script", "onerror", "javascript:"):
            self.assertNotIn(dangerous, complaint.description)

    def test_huge_html_message(self):
        html = "<html><body>" + "<p>The drawer is stuck again.</p>" * 60000 + "</body></html>"
        complaint = self._receive(html, content_type="text/html; charset=utf-8")
        self.assertEqual(len(complaint), 1)
        self.assertIn("The drawer is stuck again.", complaint.description)

    # ISO 10002 7.4: only an address acknowledges

    def test_sender_without_an_address_waits_for_a_manual_acknowledgement(self):
        raw = MESSAGE.format(
            sender="",
            to=self.to,
            from_header="From: Jonas Jonaitis\n",
            subject="Torn sofa",
            msgid="m7",
            content_type="text/plain; charset=utf-8",
        )
        with mute_logger("odoo.addons.mail.models.mail_thread"):
            complaint = self._receive("", subject="Torn sofa", raw=raw.encode() + b"Torn.")
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.partner_name, "Jonas Jonaitis")
        self.assertEqual(complaint.iso_step, "received", "nothing to acknowledge to")
        self.assertFalse(complaint.date_acknowledged)
        self.assertFalse(
            self.env["mail.mail"].search(
                [("model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
            )
        )
        self.assertIn("is not an e-mail address", complaint.complainant_email_warning)
        complaint.with_user(self.handler).action_acknowledge()  # told by phone
        self.assertTrue(complaint.date_acknowledged)
        self.assertFalse(complaint.complainant_email_warning)
        self.assertIn("without e-mail", complaint.message_ids[0].body)

    # Automatic mail (RFC 3834) opens no complaint

    def _receive_with_header(self, header, subject, msgid, sender="jonas@example.com"):
        raw = MESSAGE.format(
            sender=sender,
            to=self.to,
            from_header=f"From: Jonas <{sender}>\n{header}\n",
            subject=subject,
            msgid=msgid,
            content_type="text/plain; charset=utf-8",
        )
        return self._receive("", subject=subject, raw=raw.encode() + b"I am out of office.")

    def test_automatic_mail_opens_no_complaint(self):
        for index, (header, sender) in enumerate(
            [
                ("Auto-Submitted: auto-replied", "jonas@example.com"),
                ("Auto-Submitted: auto-generated", "jonas@example.com"),
                ("Precedence: bulk", "jonas@example.com"),
                ("Precedence: junk", "jonas@example.com"),
                ("Precedence: list", "jonas@example.com"),
                ("X-Autoreply: yes", "jonas@example.com"),
                ("X-Autorespond: Out of office", "jonas@example.com"),
                ("X-Mailer: test", "postmaster@example.com"),
                # Odoo itself takes mail from mailer-daemon for a bounce
                ("X-Mailer: test", "MAILER-DAEMON@mail.example.com"),
            ]
        ):
            with self.subTest(header=header, sender=sender), mute_logger("odoo.addons"):
                subject = f"Automatic {index}"
                self.assertFalse(self._receive_with_header(header, subject, f"auto{index}", sender))
        self.assertFalse(self.env["mail.mail"].search([("subject", "ilike", "Automatic")]))

    def test_automatic_mail_is_logged(self):
        with self.assertLogs("odoo.addons.odoo_iso10002", logging.INFO) as logged:
            self._receive_with_header("Auto-Submitted: auto-replied", "Away", "away1")
        self.assertIn(
            '<away1@example.com> from "Jonas" <jonas@example.com> opens no complaint',
            logged.output[0],
        )

    def test_auto_submitted_no_is_a_complaint(self):
        complaint = self._receive_with_header("Auto-Submitted: no", "Written by hand", "hand1")
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.iso_step, "acknowledged")

    def test_automatic_reply_to_a_complaint_is_posted_on_it(self):
        complaint = self._receive("First message.")
        self._reply(complaint, "ooo1", b"Back on Monday.", "Auto-Submitted: auto-replied\n")
        self.assertIn("Back on Monday.", complaint.message_ids[0].body)

    def test_our_automatic_mails_say_so(self):
        complaint = self._receive("The lamp arrived broken.")
        stranger = self._receive(
            "Nobody answers.", subject="Unanswered", sender="ona@example.org", msgid="m9"
        )
        for ticket in complaint | stranger:
            mails = self.env["mail.mail"].search(
                [("mail_message_id", "in", ticket.message_ids.ids)]
            ) | self.env["mail.mail"].search(
                [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
            )
            self.assertTrue(mails)
            for mail in mails:
                self.assertEqual(ast.literal_eval(mail.headers)["Auto-Submitted"], "auto-replied")

    # What an admin may delete or archive degrades with a warning: no mail is lost

    def test_deleted_email_channel(self):
        self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email").unlink()
        with self.assertLogs("odoo.addons.odoo_iso10002", "WARNING") as logged:
            complaint = self._receive("The lamp arrived broken.")
        self.assertTrue(complaint.is_complaint)
        self.assertFalse(complaint.channel_id)
        self.assertIn("helpdesk_ticket_channel_email was deleted", logged.output[0])

    def test_deleted_acknowledgement_template(self):
        self.env.ref("odoo_iso10002.mail_template_complaint_acknowledgement").unlink()
        with self.assertLogs("odoo.addons.odoo_iso10002", "WARNING"):
            complaint = self._receive("The lamp arrived broken.")
        self.assertEqual(complaint.iso_step, "acknowledged")
        self.assertTrue(
            complaint.message_ids.filtered(lambda m: "its template was deleted" in m.body)
        )

    def test_archived_acknowledged_stage(self):
        self._stage("acknowledged").active = False
        with self.assertLogs("odoo.addons.odoo_iso10002", "WARNING") as logged:
            complaint = self._receive("The lamp arrived broken.")
        self.assertEqual(complaint.iso_step, "received", "left to acknowledge by hand")
        self.assertIn("no stage for the step", logged.output[0])
