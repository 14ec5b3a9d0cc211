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
        return self.env["helpdesk.ticket"].search([("name", "=", subject)])

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
        reply = MESSAGE.format(
            sender="jonas@example.com",
            to=self.to,
            from_header="From: Jonas <jonas@example.com>\n",
            subject=f"Re: {complaint.name}",
            msgid="m2",
            content_type="text/plain; charset=utf-8",
        ).replace("MIME-Version", "In-Reply-To: <m1@example.com>\nMIME-Version")
        self.env["mail.thread"].message_process(None, reply.encode() + b"One more photo.")
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
