from odoo.exceptions import ValidationError

from ..sanitize import shorten, strip_bidi, upload_mimetype
from .common import Iso10002Case


class TestSanitize(Iso10002Case):
    """What complainants and users type and upload, cleaned the same way on
    every path."""

    def test_strip_bidi(self):
        self.assertEqual(strip_bidi("photo\u202egpj.exe"), "photogpj.exe")
        self.assertEqual(
            strip_bidi(
                "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061cok"
            ),
            "ok",
        )
        self.assertEqual(strip_bidi("Skundas dėl siuntos — שלום"), "Skundas dėl siuntos — שלום")
        self.assertEqual(shorten("Jonas", 60), "Jonas")
        self.assertEqual(shorten("x" * 61, 60), "x" * 59 + "…")

    def test_upload_mimetype(self):
        executable = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
        cases = [
            # name, content, stored type, agrees
            ("invoice.pdf", executable, "application/octet-stream", False),
            ("invoice.pdf", b"%PDF-1.7\n%\xe2\xe3", "application/pdf", True),
            ("report.docx", b"%PDF-1.7", "application/pdf", False),
            ("notes.txt", b"%PDF-1.7", "application/pdf", False),
            ("photo.png", b"\x89PNG\r\n\x1a\n", "image/png", True),
            ("photo.jpg", b"\xff\xd8\xff\xeeAdobe", "image/jpeg", True),
            ("photo.jpg", b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/webp", True),
            ("photo.jpg", b"", "application/octet-stream", False),
            ("table.csv", b"a,b\n1,2\n", "text/plain", True),
            # not proof of anything: "<", "BM", "RIFF", a legacy encoding
            ("notes.txt", b"<no subject>", "application/octet-stream", True),
            ("bmw.txt", b"BMW delivered late", "application/octet-stream", True),
            ("call.wav", b"RIFF\x10\x00\x00\x00WAVEfmt ", "application/octet-stream", True),
            (
                "laiskas.txt",
                "Skundas dėl vėlavimo".encode("cp1257"),
                "application/octet-stream",
                True,
            ),
            ("page.html", b"<html><body>Hi</body></html>", "application/octet-stream", True),
            ("video.mp4", b"\x00\x00\x00\x18ftypmp42", "application/octet-stream", True),
            ("README", executable, "application/octet-stream", True),
        ]
        for name, content, mimetype, agrees in cases:
            with self.subTest(name=name, content=content[:8]):
                self.assertEqual(upload_mimetype(name, content), (mimetype, agrees))

    def test_subject_without_bidi_controls(self):
        complaint = self._create_ticket(self.complaint_team, name="Refund\u202e of S00042")
        self.assertEqual(complaint.name, "Refund of S00042")
        complaint.name = "Late \u2067delivery\u2069"
        self.assertEqual(complaint.name, "Late delivery")

    def _composer_upload(self, name, raw):
        # as /mail/attachment/upload does for the composer
        return (
            self.env["ir.attachment"]
            .with_user(self.handler)
            .sudo()
            .create({"name": name, "raw": raw, "res_model": "mail.compose.message", "res_id": 0})
        )

    def test_composer_upload_contradicting_its_name(self):
        complaint = self._as_handler(self._create_ticket(self.complaint_team))
        messages = complaint.message_ids
        fake = self._composer_upload("invoice.pdf", b"MZ\x90\x00\x03\x00\x00\x00")
        self.assertEqual(fake.mimetype, "application/pdf", "named after its extension")
        with self.assertRaises(ValidationError) as caught:
            complaint.message_post(body="The invoice", attachment_ids=fake.ids)
        self.assertIn("“invoice.pdf” is not what its name says", str(caught.exception))
        self.assertEqual(complaint.message_ids, messages, "nothing posted")
        self.assertEqual(fake.res_model, "mail.compose.message", "nor attached")

    def test_composer_upload_named_and_typed_from_content(self):
        complaint = self._as_handler(self._create_ticket(self.complaint_team))
        photo = self._composer_upload("photo\u202egpj.exe", b"MZ\x90\x00\x03\x00\x00\x00")
        shop = self._composer_upload("shop.jpg", b"RIFF\x10\x00\x00\x00WEBPVP8 ")
        message = complaint.message_post(body="Files", attachment_ids=(photo | shop).ids)
        self.assertEqual(message.attachment_ids, photo | shop)
        self.assertEqual(photo.name, "photogpj.exe")
        self.assertEqual(photo.mimetype, "application/octet-stream")
        self.assertEqual(shop.mimetype, "image/webp")

    def test_mail_attachment_names_without_bidi_controls(self):
        complaint = self._create_ticket(self.complaint_team)
        message = complaint.sudo().message_post(
            body="See the photo",
            message_type="email",
            email_from="jonas@example.com",
            attachments=[("photo\u202egpj.exe", b"MZ\x90\x00")],
        )
        self.assertEqual(message.attachment_ids.mapped("name"), ["photogpj.exe"])
