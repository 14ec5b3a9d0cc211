import logging
import re
from datetime import datetime
from unittest.mock import patch

from lxml import html

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..const import ISO_STEPS

CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"|csrf_token:\s*"([^"]+)"')
MB = 1024 * 1024
BREADCRUMB = "//*[contains(concat(' ', @class, ' '), ' breadcrumb ')]"


@tagged("post_install", "-at_install")
class TestComplaintPortal(HttpCase):
    """What complainants see and do on the website: the public complaint
    form, the policy, helpdesk's portal form, and the answer to a decision."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        # A complaint team of our own, so that one exists whatever the data.
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Portal Test Complaints", "is_complaint_team": True}
        )
        cls.env["helpdesk.ticket.stage"].create(
            [
                {
                    "name": f"Portal {label}",
                    "sequence": 200 + index,
                    "iso_step": step,
                    "closed": step == "closed",
                    "team_ids": [Command.set(cls.team.ids)],
                }
                for index, (step, label) in enumerate(ISO_STEPS)
            ]
        )
        # The team the public form files complaints in.
        public_user = cls.env.ref("base.public_user")
        cls.form_team = (
            cls.env["helpdesk.ticket"].with_user(public_user).sudo()._default_complaint_team()
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="iso_portal_ona",
            groups="base.group_portal",
            name="Ona Onaitė",
            email="ona@example.com",
        )
        cls.other_portal_user = new_test_user(
            cls.env,
            login="iso_portal_other",
            groups="base.group_portal",
            name="Petras Petraitis",
            email="petras@example.com",
        )

    def setUp(self):
        super().setUp()
        self.last_ticket_id = self._last_id("helpdesk.ticket")
        self.last_partner_id = self._last_id("res.partner")

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _last_id(self, model):
        last = self.env[model].with_context(active_test=False).search([], order="id desc", limit=1)
        return last.id or 0

    def _new_tickets(self):
        self.env.invalidate_all()
        return self.env["helpdesk.ticket"].search([("id", ">", self.last_ticket_id)])

    def _new_partners(self):
        self.env.invalidate_all()
        return (
            self.env["res.partner"]
            .with_context(active_test=False)
            .search([("id", ">", self.last_partner_id)])
        )

    def _csrf_token(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return self._csrf_token_in(response.text)

    def _csrf_token_in(self, page):
        match = CSRF_RE.search(page)
        self.assertTrue(match, "no CSRF token in the page")
        return match.group(1) or match.group(2)

    def _send_acknowledgements(self):
        """What the acknowledgement cron does once the request committed."""
        self.env["helpdesk.ticket"]._cron_send_acknowledgements()
        self.env.flush_all()
        self.env.cr.flush()

    def _submit(self, files=None, **values):
        data = {
            "csrf_token": self._csrf_token("/complaints/new"),
            "name": "Jonas Jonaitis",
            "email": "jonas.portal@example.com",
            "phone": "+370 600 00000",
            "subject": "The parcel arrived damaged",
            "description": "The box was crushed.\nThe lamp inside is broken.",
            "requested_remedy": "Send a new lamp",
            "order_reference": "S00042",
            "preferred_contact": "phone",
            **values,
        }
        response = self.url_open("/complaints/submit", data=data, files=files, timeout=60)
        self._send_acknowledgements()  # once the request's transaction committed
        return response

    def _complaint_awaiting_answer(self, partner):
        """A complaint of `partner` whose decision awaits the answer."""
        complaint = self.env["helpdesk.ticket"].create(
            {
                "name": "The delivery was two weeks late",
                "description": "<p>I waited two weeks.</p>",
                "team_id": self.team.id,
                "partner_id": partner.id,
            }
        )
        complaint.write({"stage_id": complaint._iso_stage("acknowledged").id})
        complaint.write({"severity": "2", "complexity": "1", "impact": "1"})
        complaint.write({"stage_id": complaint._iso_stage("investigation").id})
        complaint.write(
            {
                "findings": "<p>Late truck</p>",
                "root_cause_id": self.env.ref("odoo_iso10002.root_cause_delivery").id,
            }
        )
        complaint.write({"stage_id": complaint._iso_stage("response").id})
        complaint.write(
            {
                "decision": "upheld",
                "decision_text": "<p>We refund the delivery.</p>",
                "remedy_ids": [
                    Command.create(
                        {
                            "remedy_type_id": self.env.ref("odoo_iso10002.remedy_type_refund").id,
                            "name": "The delivery costs",
                            "amount_currency": 4.99,
                        }
                    )
                ],
            }
        )
        complaint.action_communicate_decision()
        self.assertEqual(complaint.iso_step, "decision_communicated")
        return complaint

    def _answer(self, complaint, answer, csrf_url=None, **data):
        csrf_url = csrf_url or f"/my/ticket/{complaint.id}"
        data = {"csrf_token": self._csrf_token(csrf_url), **data}
        response = self.url_open(f"/my/complaint/{complaint.id}/{answer}", data=data)
        self.env.invalidate_all()
        return response

    # ------------------------------------------------------------------
    # Public complaint form
    # ------------------------------------------------------------------

    def test_form_is_public(self):
        response = self.url_open("/complaints/new")
        self.assertEqual(response.status_code, 200)
        page = response.text
        for name in (
            "name",
            "email",
            "phone",
            "anonymous",
            "subject",
            "description",
            "requested_remedy",
            "order_reference",
            "preferred_contact",
            "attachment",
            "csrf_token",
        ):
            self.assertIn(f'name="{name}"', page)
        [honeypot] = html.fromstring(page).xpath("//input[@name='website_url']")
        self.assertEqual(honeypot.get("tabindex"), "-1")
        self.assertEqual(honeypot.get("autocomplete"), "off")
        self.assertFalse(honeypot.get("value"))
        self.assertIn("visually-hidden", honeypot.getparent().get("class"))
        self.assertIn('href="/complaints/policy"', page)

    def test_form_prefilled_for_logged_in_user(self):
        self.authenticate("iso_portal_ona", "iso_portal_ona")
        page = self.url_open("/complaints/new").text
        self.assertIn('value="Ona Onaitė"', page)
        self.assertIn('value="ona@example.com"', page)

    def test_submit_known_contact(self):
        partner = self.env["res.partner"].create(
            {"name": "Jonas Jonaitis", "email": "jonas.portal@example.com"}
        )
        self.last_partner_id = partner.id
        response = self._submit(email=" Jonas.Portal@Example.com ")
        self.assertEqual(response.status_code, 200)
        complaint = self._new_tickets()
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.is_complaint)
        self.assertEqual(complaint.team_id, self.form_team)
        self.assertRegex(complaint.number, r"^CMP/\d{4}/\d+$")
        self.assertEqual(
            complaint.channel_id,
            self.env.ref("odoo_iso10002.helpdesk_ticket_channel_public_form"),
        )
        self.assertEqual(complaint.partner_id, partner)
        self.assertFalse(self._new_partners(), "the known contact is reused")
        self.assertIn(partner, complaint.message_partner_ids)
        self.assertEqual(complaint.name, "The parcel arrived damaged")
        self.assertIn("The lamp inside is broken.", complaint.description)
        self.assertEqual(complaint.requested_remedy, "Send a new lamp")
        self.assertEqual(complaint.order_reference, "S00042")
        self.assertEqual(complaint.preferred_contact, "phone")
        self.assertEqual(complaint.partner_phone, "+370 600 00000")
        self.assertTrue(complaint.date_received)
        self.assertFalse(complaint.is_anonymous)
        # Acknowledged at once, by mail to the complainant (7.4).
        self.assertEqual(complaint.iso_step, "acknowledged")
        acknowledgement = complaint.message_ids.filtered(
            lambda m: complaint.number in (m.subject or "") and partner in m.partner_ids
        )
        self.assertTrue(acknowledgement, "the acknowledgement is sent to the complainant")
        self.assertTrue(
            acknowledgement.notification_ids.filtered(
                lambda n: n.res_partner_id == partner and n.notification_type == "email"
            )
        )
        # The thank-you page gives the reference; the link to follow the
        # complaint goes by mail only, as the visitor may not own the address.
        self.assertIn(complaint.number, response.text)
        self.assertIn("Thank you for your complaint", response.text)
        self.assertNotIn("Follow your complaint", response.text)

    def test_submit_new_contact_with_attachments(self):
        files = [
            ("attachment", ("receipt.txt", b"Receipt S00042", "text/plain")),
            ("attachment", ("photo.png", b"\x89PNG\r\n\x1a\nfake", "image/png")),
            ("attachment", ("page.html", b"<html><script>alert(1)</script></html>", "text/html")),
        ]
        response = self._submit(files=files, email="new.customer@example.com")
        self.assertEqual(response.status_code, 200)
        complaint = self._new_tickets()
        self.assertEqual(len(complaint), 1)
        partner = complaint.partner_id
        self.assertEqual(partner, self._new_partners().filtered("email")[:1])
        self.assertEqual(partner.name, "Jonas Jonaitis")
        self.assertEqual(partner.email, "new.customer@example.com")
        self.assertEqual(partner.phone, "+370 600 00000")
        self.assertEqual(complaint.partner_name, "Jonas Jonaitis")
        self.assertEqual(complaint.partner_email, "new.customer@example.com")
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(
            sorted(attachments.mapped("name")), ["page.html", "photo.png", "receipt.txt"]
        )
        # Uploaded markup is never served as a web page.
        self.assertNotIn("html", attachments.filtered(lambda a: a.name == "page.html").mimetype)
        self.assertEqual(
            attachments.filtered(lambda a: a.name == "receipt.txt").raw, b"Receipt S00042"
        )
        # A contact the visitor just created is theirs: they may follow it here.
        self.assertIn(complaint.number, response.text)
        self.assertIn(complaint.get_portal_url(), response.text)
        page = self.url_open(complaint.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn(complaint.number, page.text)

    def test_submit_anonymously(self):
        response = self._submit(
            anonymous="1", name="Secret Person", email="", phone="", preferred_contact="post"
        )
        self.assertEqual(response.status_code, 200)
        complaint = self._new_tickets()
        self.assertEqual(len(complaint), 1)
        self.assertTrue(complaint.is_anonymous)
        self.assertFalse(complaint.partner_id)
        self.assertFalse(complaint.partner_name)
        self.assertFalse(complaint.partner_email)
        self.assertFalse(complaint.partner_phone)
        self.assertFalse(self._new_partners())
        self.assertFalse(
            self.env["helpdesk.ticket"].search_count(
                [("id", "=", complaint.id), ("message_ids.body", "ilike", "Secret Person")]
            )
        )
        self.assertIn(complaint.number, response.text)
        self.assertNotIn("Follow your complaint", response.text)
        # No address: the handler is told to acknowledge another way.
        self.assertEqual(complaint.iso_step, "received")

    def test_submit_anonymously_with_email(self):
        response = self._submit(anonymous="1", name="Secret Person", email="anon@example.com")
        self.assertEqual(response.status_code, 200)
        complaint = self._new_tickets()
        self.assertTrue(complaint.is_anonymous)
        self.assertFalse(complaint.partner_id)
        self.assertFalse(complaint.partner_name)
        self.assertEqual(complaint.partner_email, "anon@example.com")
        self.assertFalse(self._new_partners().filtered(lambda p: p.name == "Secret Person"))
        # The address was given so that the acknowledgement can be sent.
        self.assertEqual(complaint.iso_step, "acknowledged")

    def test_submitted_markup_is_escaped(self):
        payload = '<script>alert(1)</script><img src=x onerror="alert(2)">'
        response = self._submit(subject="Bad <b>service</b>", description=f"Look: {payload}")
        self.assertEqual(response.status_code, 200)
        complaint = self._new_tickets()
        self.assertEqual(len(complaint), 1)
        self.assertNotIn("<script", complaint.description)
        self.assertNotIn("<img", complaint.description)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", complaint.description)
        self.assertIn("&lt;img", complaint.description)
        page = self.url_open(complaint.get_portal_url()).text
        self.assertNotIn(payload, page)
        self.assertNotIn("<script>alert(1)", page)

    def test_honeypot(self):
        # Odoo names its level 25 "INFO" too: give the number.
        with self.assertLogs("odoo.addons.odoo_iso10002.controllers.main", logging.INFO) as logs:
            response = self._submit(website_url="https://spam.example.com")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Thank you for your complaint", response.text)
        self.assertIn("honeypot", logs.output[0])
        self.assertFalse(self._new_tickets())
        self.assertFalse(self._new_partners())

    def _assert_refused(self, response, message, status=200, **kept):
        self.assertEqual(response.status_code, status)
        self.assertIn(message, response.text)
        self.assertIn("Your complaint has not been sent yet", response.text)
        for value in kept.values():
            self.assertIn(value, response.text)
        self.assertFalse(self._new_tickets())
        self.assertFalse(self._new_partners())

    def test_subject_required(self):
        response = self._submit(subject=" ", description="My lamp is broken.")
        self._assert_refused(
            response,
            "Please give your complaint a subject.",
            description=">My lamp is broken.</textarea>",
            remedy=">Send a new lamp</textarea>",
            order='value="S00042"',
            email='value="jonas.portal@example.com"',
            phone='value="+370 600 00000"',
        )
        self.assertRegex(response.text, r'value="phone"\s+checked="checked"')

    def test_subject_too_long(self):
        response = self._submit(subject="S" * 201)
        self._assert_refused(response, "The subject is too long", subject="S" * 201)

    def test_description_required(self):
        response = self._submit(description="")
        self._assert_refused(
            response, "Please describe what happened.", subject='value="The parcel arrived damaged"'
        )

    def test_invalid_email(self):
        response = self._submit(email="not-an-email")
        self._assert_refused(
            response,
            "is not a valid e-mail address",
            subject='value="The parcel arrived damaged"',
            email='value="not-an-email"',
        )

    def test_email_required_unless_anonymous(self):
        response = self._submit(email="")
        self._assert_refused(
            response,
            "Please give your e-mail address",
            subject='value="The parcel arrived damaged"',
        )

    def test_description_too_long(self):
        response = self._submit(description="x" * 20_001)
        self._assert_refused(
            response,
            "The description is too long: at most 20,000 characters",
            subject='value="The parcel arrived damaged"',
            description="x" * 20_001,
        )

    def test_phone_too_long(self):
        response = self._submit(phone="1" * 51)
        self._assert_refused(
            response, "The phone number is too long", subject='value="The parcel arrived damaged"'
        )

    def test_attachment_too_large(self):
        files = [("attachment", ("video.mp4", b"0" * (5 * MB + 1), "video/mp4"))]
        response = self._submit(files=files)
        self._assert_refused(
            response,
            "The file “video.mp4” is larger than 5 MB.",
            subject='value="The parcel arrived damaged"',
        )
        self.assertIn("Please select your files again.", response.text)

    def test_too_many_attachments(self):
        files = [("attachment", (f"f{i}.txt", b"x", "text/plain")) for i in range(6)]
        response = self._submit(files=files)
        self._assert_refused(
            response,
            "You can attach at most 5 files.",
            subject='value="The parcel arrived damaged"',
        )

    def test_attachments_too_large_together(self):
        files = [("attachment", (f"f{i}.bin", b"0" * (4 * MB), "text/plain")) for i in range(3)]
        response = self._submit(files=files)
        self._assert_refused(
            response,
            "The files together are larger than 10 MB.",
            subject='value="The parcel arrived damaged"',
        )

    @mute_logger("odoo.http")
    def test_csrf_token_required(self):
        self.url_open("/complaints/new")  # a session, as a real visitor has
        data = {
            "email": "jonas.portal@example.com",
            "subject": "No token",
            "description": "Forged request",
        }
        response = self.url_open("/complaints/submit", data=data)
        self.assertIn(response.status_code, (400, 403))
        response = self.url_open("/complaints/submit", data={**data, "csrf_token": "forged"})
        self.assertIn(response.status_code, (400, 403))
        self.assertFalse(self._new_tickets())

    def test_get_submit_not_allowed(self):
        response = self.url_open("/complaints/submit")
        self.assertEqual(response.status_code, 405)
        self.assertFalse(self._new_tickets())

    @mute_logger("odoo.addons.odoo_iso10002.controllers.main")
    def test_no_complaint_team(self):
        csrf_token = self._csrf_token("/complaints/new")
        self.env["helpdesk.ticket.team"].search([("is_complaint_team", "=", True)]).write(
            {"active": False}
        )
        response = self.url_open(
            "/complaints/submit",
            data={
                "csrf_token": csrf_token,
                "email": "jonas.portal@example.com",
                "subject": "Nobody to handle it",
                "description": "Where does it go?",
            },
        )
        self.assertEqual(response.status_code, 503)
        self.assertIn("We cannot record complaints online at the moment", response.text)
        self.assertFalse(self._new_tickets())
        self.assertFalse(self._new_partners())

    # ------------------------------------------------------------------
    # One contact per address; what uploads and typing may carry
    # ------------------------------------------------------------------

    def test_same_new_address_one_contact(self):
        self._submit(email="new.person@example.com")
        response = self._submit(email="  New.Person@EXAMPLE.com ")
        self.assertEqual(response.status_code, 200)
        complaints = self._new_tickets()
        self.assertEqual(len(complaints), 2)
        partner = self._new_partners()
        self.assertEqual(len(partner), 1, "the second submission finds the contact of the first")
        self.assertEqual(complaints.partner_id, partner)
        # the second visitor did not create the contact: no link to follow it here
        self.assertNotIn("Follow your complaint", response.text)
        submissions = self.env["iso10002.form.submission"].search(
            [("email_normalized", "=", "new.person@example.com")]
        )
        self.assertEqual(len(submissions), 2)
        self.assertEqual(submissions.mapped("contact_key"), [False, "new.person@example.com"])

    def test_attachment_contradicting_its_name(self):
        executable = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 8
        files = [
            ("attachment", ("receipt.txt", b"Receipt S00042", "text/plain")),
            ("attachment", ("invoice.pdf", executable, "application/pdf")),
        ]
        response = self._submit(files=files)
        self._assert_refused(
            response,
            "The file “invoice.pdf” is not what its name says: its content is of another type.",
            subject='value="The parcel arrived damaged"',
            remedy=">Send a new lamp</textarea>",
        )
        self.assertIn("Please select your files again.", response.text)

    def test_attachment_type_from_content_names_without_bidi_controls(self):
        files = [
            # shown as "photoexe.jpg" with its right-to-left override
            ("attachment", ("photo\u202egpj.exe", b"MZ\x90\x00\x03\x00", "image/jpeg")),
            # a JPEG whose first segment Odoo's guesser does not list
            ("attachment", ("scan.jpg", b"\xff\xd8\xff\xeeAdobe", "image/jpeg")),
            # a .jpg saved from a web page that is a WebP image
            ("attachment", ("shop.jpg", b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/jpeg")),
            ("attachment", ("orders.csv", b"order,date\nS00042,2026-03-02\n", "text/csv")),
        ]
        response = self._submit(
            files=files,
            email="new.customer@example.com",
            name="Jonas \u202eJonaitis",
            subject="Refund \u2067of\u2069 \u200forder\u200e S00042",
            description="I paid \u202d100\u202c EUR.",
        )
        self.assertEqual(response.status_code, 200)
        complaint = self._new_tickets()
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.name, "Refund of order S00042")
        self.assertEqual(complaint.partner_name, "Jonas Jonaitis")
        self.assertEqual(complaint.partner_id.name, "Jonas Jonaitis")
        self.assertIn("I paid 100 EUR.", complaint.description)
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(
            dict(attachments.mapped(lambda a: (a.name, a.mimetype))),
            {
                "photogpj.exe": "application/octet-stream",
                "scan.jpg": "image/jpeg",
                "shop.jpg": "image/webp",
                "orders.csv": "text/plain",
            },
        )

    # ------------------------------------------------------------------
    # Limits, captcha and what the acknowledgement repeats
    # ------------------------------------------------------------------

    def test_limit_per_client_address(self):
        self.company.write({"iso10002_form_limit_ip": 2, "iso10002_form_limit_email": 0})
        for n in range(2):
            self.assertEqual(self._submit(email=f"visitor{n}@example.com").status_code, 200)
        self.last_ticket_id = self._last_id("helpdesk.ticket")
        self.last_partner_id = self._last_id("res.partner")
        response = self._submit(email="visitor2@example.com", description="Third one.")
        self._assert_refused(
            response,
            "Many complaints have been sent from your connection in the last hour",
            status=429,
            subject='value="The parcel arrived damaged"',
            email='value="visitor2@example.com"',
            description=">Third one.</textarea>",
        )
        # nothing recorded either: the refusal does not count
        self.assertEqual(
            self.env["iso10002.form.submission"].search_count([("ip_address", "=", "127.0.0.1")]),
            2,
        )
        # no limit
        self.company.iso10002_form_limit_ip = 0
        self.assertEqual(self._submit(email="visitor2@example.com").status_code, 200)
        self.assertEqual(len(self._new_tickets()), 1)

    def test_limit_per_email_address(self):
        self.company.write({"iso10002_form_limit_ip": 0, "iso10002_form_limit_email": 1})
        self.assertEqual(self._submit(email="target@example.com").status_code, 200)
        self.last_ticket_id = self._last_id("helpdesk.ticket")
        self.last_partner_id = self._last_id("res.partner")
        # anonymous or not, in any case: the acknowledgement goes to the same address
        response = self._submit(email=" Target@Example.com", anonymous="1")
        self._assert_refused(
            response,
            "Several complaints have been sent for this e-mail address in the last hour",
            status=429,
        )
        self.assertEqual(self._submit(email="other@example.com").status_code, 200)

    @mute_logger("odoo.addons.odoo_iso10002.controllers.main")
    def test_refused_robots_count_for_the_address(self):
        self.company.write({"iso10002_form_limit_ip": 2, "iso10002_form_limit_email": 0})
        self._submit(website_url="https://spam.example.com")
        IrHttp = type(self.env["ir.http"])
        with patch.object(
            IrHttp, "_verify_request_recaptcha_token", lambda self, action: False, create=True
        ):
            self._submit()
        self.assertEqual(
            self.env["iso10002.form.submission"]
            .search([("ip_address", "=", "127.0.0.1")])
            .mapped("outcome"),
            ["captcha", "honeypot"],
        )
        response = self._submit()
        self.assertEqual(response.status_code, 429)
        self.assertFalse(self._new_tickets())

    @mute_logger("odoo.addons.odoo_iso10002.controllers.main")
    def test_captcha(self):
        IrHttp = type(self.env["ir.http"])
        actions = []

        def verify(answer):
            def _verify_request_recaptcha_token(self, action):
                actions.append(action)
                if isinstance(answer, Exception):
                    raise answer
                return answer

            return _verify_request_recaptcha_token

        refusal = "We could not confirm that the complaint comes from a person"
        for answer in (False, ValidationError("The reCaptcha token is invalid.")):
            with patch.object(
                IrHttp, "_verify_request_recaptcha_token", verify(answer), create=True
            ):
                response = self._submit(description="Checked by a captcha.")
            self._assert_refused(response, refusal, description=">Checked by a captcha.</textarea>")
        with patch.object(IrHttp, "_verify_request_recaptcha_token", verify(True), create=True):
            response = self._submit()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self._new_tickets()), 1)
        self.assertEqual(actions, ["complaint_submit"] * 3)

    def test_captcha_token_field(self):
        page = self.url_open("/complaints/new").text
        self.assertNotIn("recaptcha", page)
        self.assertNotIn("cf-turnstile", page)
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("recaptcha_public_key", "site-key-recaptcha")
        params.set_param("cf.turnstile_site_key", "site-key-turnstile")
        # set, but without their modules: nothing to verify the token with
        self.assertNotIn("site-key", self.url_open("/complaints/new").text)
        IrHttp = type(self.env["ir.http"])
        with (
            patch.object(IrHttp, "_verify_recaptcha_token", lambda *a: "is_human", create=True),
            patch.object(IrHttp, "_verify_turnstile_token", lambda *a: "is_human", create=True),
        ):
            page = html.fromstring(self.url_open("/complaints/new").text)
        [form] = page.xpath("//form[@action='/complaints/submit']")
        self.assertEqual(form.get("data-recaptcha-key"), "site-key-recaptcha")
        self.assertEqual(form.get("data-captcha-action"), "complaint_submit")
        self.assertTrue(form.xpath(".//input[@type='hidden'][@name='recaptcha_token_response']"))
        [turnstile] = form.xpath(".//div[contains(@class, 'cf-turnstile')]")
        self.assertEqual(turnstile.get("data-sitekey"), "site-key-turnstile")
        self.assertEqual(turnstile.get("data-response-field-name"), "turnstile_captcha")

    def test_acknowledgement_repeats_little(self):
        name = "Jonas " + "Vardenis" * 24
        subject = "Subject " + "words " * 32
        response = self._submit(
            email="echo@example.com",
            name=name,
            subject=subject.strip(),
            description="SECRET-DESCRIPTION-TEXT",
        )
        self.assertEqual(response.status_code, 200)
        complaint = self._new_tickets()
        self.assertEqual(complaint.partner_name, name, "the complaint keeps what was typed")
        mail = self.env["mail.mail"].search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(complaint.number, mail.subject)
        body = str(mail.body_html)
        self.assertIn(f"Dear {name[:59]}…,", body)
        self.assertNotIn(name[:61], body)
        self.assertIn(subject[:99], body)
        self.assertNotIn(subject[:101], body)
        self.assertNotIn("SECRET-DESCRIPTION-TEXT", body)

    # ------------------------------------------------------------------
    # Policy
    # ------------------------------------------------------------------

    def test_policy_page(self):
        self.company.iso10002_policy = "<p>We answer every complaint within ten days.</p>"
        response = self.url_open("/complaints/policy")
        self.assertEqual(response.status_code, 200)
        self.assertIn("We answer every complaint within ten days.", response.text)
        self.assertNotIn("What to include", response.text)

    def test_policy_page_default(self):
        self.company.iso10002_policy = False
        response = self.url_open("/complaints/policy")
        self.assertEqual(response.status_code, 200)
        for text in ("How to complain", "What to include", "free of charge", "Investigation"):
            self.assertIn(text, response.text)
        self.assertRegex(response.text, rf"within\s+{self.company.iso10002_answer_days} days")

    # ------------------------------------------------------------------
    # helpdesk_mgmt's portal form
    # ------------------------------------------------------------------

    def test_portal_ticket_form_complaint(self):
        self.company.helpdesk_mgmt_portal_select_team = True
        self.team.show_in_portal = True
        self.authenticate("iso_portal_ona", "iso_portal_ona")
        form = self.url_open("/new/ticket")
        self.assertEqual(form.status_code, 200)
        for name in ("requested_remedy", "order_reference", "preferred_contact"):
            self.assertIn(f'name="{name}"', form.text)
        response = self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": self._csrf_token_in(form.text),
                "team": self.team.id,
                "subject": "Wrong size delivered",
                "description": "I ordered M, got XL.",
                "requested_remedy": "Exchange it",
                "order_reference": "S00077",
                "preferred_contact": "post",
            },
        )
        self.assertEqual(response.status_code, 200)
        complaint = self._new_tickets()
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.team_id, self.team)
        self.assertTrue(complaint.is_complaint)
        self.assertTrue(complaint.number.startswith("CMP/"))
        self.assertEqual(complaint.partner_id, self.portal_user.partner_id)
        self.assertEqual(complaint.requested_remedy, "Exchange it")
        self.assertEqual(complaint.order_reference, "S00077")
        self.assertEqual(complaint.preferred_contact, "post")
        self.assertTrue(complaint.date_received)
        self.assertEqual(
            complaint.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        )
        self.assertIn(complaint.number, response.text)
        self.assertIn('id="complaint_steps"', response.text)

    def test_portal_ticket_form_plain_team(self):
        plain_team = self.env["helpdesk.ticket.team"].create(
            {"name": "Portal Test Support", "show_in_portal": True}
        )
        self.company.helpdesk_mgmt_portal_select_team = True
        self.authenticate("iso_portal_ona", "iso_portal_ona")
        response = self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": self._csrf_token("/new/ticket"),
                "team": plain_team.id,
                "subject": "How do I reset my password?",
                "description": "Please help.",
                "requested_remedy": "Ignored",
            },
        )
        self.assertEqual(response.status_code, 200)
        ticket = self._new_tickets()
        self.assertEqual(ticket.team_id, plain_team)
        self.assertFalse(ticket.is_complaint)
        self.assertFalse(ticket.requested_remedy)
        self.assertNotIn('id="complaint_steps"', response.text)

    # ------------------------------------------------------------------
    # The complainant's answer to the decision (7.9)
    # ------------------------------------------------------------------

    def test_portal_user_accepts_decision(self):
        complaint = self._complaint_awaiting_answer(self.portal_user.partner_id)
        self.authenticate("iso_portal_ona", "iso_portal_ona")
        page = self.url_open(f"/my/ticket/{complaint.id}")
        self.assertEqual(page.status_code, 200)
        for stage in complaint.team_id._get_applicable_stages():
            self.assertIn(stage.name, page.text)
        self.assertRegex(
            page.text, r'aria-current="step"[^>]*>\s*<span>Portal Decision communicated<'
        )
        self.assertIn("Please tell us below whether you", page.text)
        self.assertIn("We refund the delivery.", page.text)
        self.assertIn("Refund", page.text)
        self.assertIn("Accept the decision", page.text)
        self.assertIn(f'action="/my/complaint/{complaint.id}/accept"', page.text)
        self.assertIn(f'action="/my/complaint/{complaint.id}/reject"', page.text)
        self.assertNotIn('action="/ticket/close"', page.text)

        response = self._answer(complaint, "accept", access_token="")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.split("?")[0].endswith(f"/my/ticket/{complaint.id}"))
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.complainant_response, "accepted")
        self.assertTrue(complaint.date_complainant_response)
        self.assertIn("you accepted our decision", response.text)
        self.assertNotIn("Accept the decision", response.text)

        # Answering again changes nothing and says why.
        response = self._answer(complaint, "accept")
        self.assertIn("not awaiting your answer", response.text)
        self.assertEqual(complaint.iso_step, "closed")

    def test_portal_user_rejects_decision(self):
        complaint = self._complaint_awaiting_answer(self.portal_user.partner_id)
        self.authenticate("iso_portal_ona", "iso_portal_ona")

        # Without a reason, or too long a one: nothing changes, and the page says why.
        for reason in ("", "   ", "x" * 5001):
            response = self._answer(complaint, "reject", reason=reason)
            self.assertEqual(response.status_code, 200)
            self.assertIn("Please tell us why you do not accept the decision", response.text)
            self.assertIn("Accept the decision", response.text)
            self.assertEqual(complaint.iso_step, "decision_communicated")
            self.assertFalse(complaint.complainant_response)
            self.assertFalse(complaint.rejection_reason)
            self.assertEqual(complaint.reopen_count, 0)

        response = self._answer(
            complaint, "reject", reason="A refund of the delivery is not enough."
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(complaint.iso_step, "investigation")
        self.assertEqual(complaint.complainant_response, "rejected")
        self.assertEqual(complaint.rejection_reason, "A refund of the delivery is not enough.")
        self.assertEqual(complaint.reopen_count, 1)
        self.assertIn("we are looking into your complaint again", response.text)
        self.assertNotIn("Accept the decision", response.text)

    @mute_logger("odoo.addons.odoo_iso10002.controllers.main")
    def test_failed_answer_changes_nothing(self):
        complaint = self._complaint_awaiting_answer(self.portal_user.partner_id)
        self.authenticate("iso_portal_ona", "iso_portal_ona")

        def record_then_fail(tickets, response, reason=None):
            tickets.write({"complainant_response": response, "rejection_reason": reason})
            raise UserError(self.env._("A guard refused the step change."))

        Ticket = type(self.env["helpdesk.ticket"])
        with patch.object(Ticket, "_record_complainant_response", record_then_fail):
            response = self._answer(complaint, "reject", reason="Too little, too late.")
        self.assertEqual(response.status_code, 200)
        self.assertIn("We could not record your answer", response.text)
        self.assertEqual(complaint.iso_step, "decision_communicated")
        self.assertFalse(complaint.complainant_response)
        self.assertFalse(complaint.rejection_reason)

    def test_remedies_shown_to_the_complainant_once_decided(self):
        acknowledged = self._acknowledged_complaint()
        remedies = self.env["iso10002.remedy"]
        remedies.create(
            {
                "ticket_id": acknowledged.id,
                "remedy_type_id": self.env.ref("odoo_iso10002.remedy_type_apology").id,
                "name": "A call from the manager",
            }
        )
        complaint = self._complaint_awaiting_answer(self.portal_user.partner_id)
        apology, replacement = remedies.create(
            [
                {
                    "ticket_id": complaint.id,
                    "remedy_type_id": self.env.ref(f"odoo_iso10002.remedy_type_{kind}").id,
                    "name": name,
                }
                for kind, name in (
                    ("apology", "A letter from the manager"),
                    ("replacement", "A new parcel"),
                )
            ]
        )
        apology._iso_deliver(datetime(2026, 3, 20, 9, 0))
        replacement.action_cancel()
        self.authenticate("iso_portal_ona", "iso_portal_ona")
        page = html.fromstring(self.url_open(f"/my/ticket/{complaint.id}").text)
        rows = [
            " ".join(row.text_content().split())
            for row in page.xpath("//div[@id='complaint_remedies']//tbody/tr")
        ]
        self.assertEqual(len(rows), 2, "the cancelled replacement is not shown")
        self.assertRegex(rows[0], r"^Refund The delivery costs \D*4\.99\D* Planned$")
        self.assertEqual(rows[1], "Apology A letter from the manager Delivered 03/20/2026")
        # not before the decision is communicated
        page = self.url_open(f"/my/ticket/{acknowledged.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("complaint_remedies", page.text)
        self.assertNotIn("A call from the manager", page.text)
        # nor to another customer
        self.authenticate("iso_portal_other", "iso_portal_other")
        page = self.url_open(f"/my/ticket/{complaint.id}", allow_redirects=False)
        self.assertNotEqual(page.status_code, 200)
        self.assertNotIn("A letter from the manager", page.text)

    def test_other_portal_user_cannot_answer(self):
        complaint = self._complaint_awaiting_answer(self.portal_user.partner_id)
        self.authenticate("iso_portal_other", "iso_portal_other")
        page = self.url_open(f"/my/ticket/{complaint.id}", allow_redirects=False)
        self.assertNotEqual(page.status_code, 200)
        csrf_token = self._csrf_token("/my")
        for answer, data in (("accept", {}), ("reject", {"reason": "Not mine"})):
            response = self.url_open(
                f"/my/complaint/{complaint.id}/{answer}",
                data={"csrf_token": csrf_token, **data},
                allow_redirects=False,
            )
            self.assertEqual(response.status_code, 303)
            self.assertTrue(response.headers["Location"].endswith("/my"))
        self.env.invalidate_all()
        self.assertEqual(complaint.iso_step, "decision_communicated")
        self.assertFalse(complaint.complainant_response)
        self.assertFalse(complaint.rejection_reason)

    def test_public_visitor_with_access_token_accepts(self):
        partner = self.env["res.partner"].create(
            {"name": "Rūta Rūtaitė", "email": "ruta@example.com"}
        )
        complaint = self._complaint_awaiting_answer(partner)
        token = complaint._portal_ensure_token()

        # Without the token, or with a wrong one: back to /my, nothing changes.
        csrf_token = self._csrf_token("/complaints/new")
        for wrong in ("", "not-the-token"):
            response = self.url_open(
                f"/my/complaint/{complaint.id}/accept",
                data={"csrf_token": csrf_token, "access_token": wrong},
                allow_redirects=False,
            )
            self.assertEqual(response.status_code, 303)
            self.assertNotIn(f"/my/ticket/{complaint.id}", response.headers["Location"])
        self.env.invalidate_all()
        self.assertEqual(complaint.iso_step, "decision_communicated")

        url = f"/my/ticket/{complaint.id}?access_token={token}"
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Accept the decision", page.text)
        self.assertIn(f'name="access_token" value="{token}"', page.text)
        response = self._answer(complaint, "accept", csrf_url=url, access_token=token)
        self.assertEqual(response.status_code, 200)
        self.assertIn(f"access_token={token}", response.url)
        self.assertIn("you accepted our decision", response.text)
        self.assertEqual(complaint.iso_step, "closed")
        self.assertEqual(complaint.complainant_response, "accepted")
        # The chatter tells who answered, and how.
        note = complaint.message_ids.filtered(lambda m: "access link" in (m.body or ""))
        self.assertEqual(note.author_id, partner)
        self.assertNotIn(self.env.ref("base.public_partner"), complaint.message_ids.author_id)

    # ------------------------------------------------------------------
    # A complaint is called a complaint, with its own dates
    # ------------------------------------------------------------------

    def _acknowledged_complaint(self):
        """A complaint of the portal user, received on 2 March 2026 at 10:00
        UTC and acknowledged at 14:30 UTC, in a team with a decision deadline."""
        self.env["iso10002.deadline.policy"].create(
            {"team_id": self.team.id, "acknowledge_hours": 16, "decision_days": 20}
        )
        self.portal_user.tz = "Europe/Vilnius"
        complaint = self.env["helpdesk.ticket"].create(
            {
                "name": "The delivery was two weeks late",
                "description": "<p>I waited two weeks.</p>",
                "team_id": self.team.id,
                "partner_id": self.portal_user.partner_id.id,
                "date_received": datetime(2026, 3, 2, 10, 0),
            }
        )
        complaint.write({"stage_id": complaint._iso_stage("acknowledged").id})
        complaint.date_acknowledged = datetime(2026, 3, 2, 14, 30)
        self.assertTrue(complaint.deadline_decision)
        return complaint

    @staticmethod
    def _texts(page, xpath):
        return [" ".join(node.text_content().split()) for node in page.xpath(xpath)]

    def _vilnius(self, value):
        return (
            self.env["ir.qweb.field.datetime"]
            .with_context(tz="Europe/Vilnius")
            .value_to_html(value, {})
        )

    def test_complaint_page_speaks_of_complaints(self):
        complaint = self._acknowledged_complaint()
        self.authenticate("iso_portal_ona", "iso_portal_ona")
        page = html.fromstring(self.url_open(f"/my/ticket/{complaint.id}").text)
        crumbs = self._texts(page, BREADCRUMB + "//li")
        self.assertIn("Complaints", crumbs)
        self.assertNotIn("Tickets", crumbs)
        self.assertEqual(
            page.xpath(BREADCRUMB + "//a[starts-with(@href, '/my/tickets')]")[0].text, "Complaints"
        )
        header = " ".join(page.get_element_by_id("card_header").text_content().split())
        self.assertNotIn(f"#{complaint.id}", header)
        self.assertIn(complaint.number, page.xpath("//h2[@data-id='number']")[0].text_content())
        body = " ".join(page.get_element_by_id("card_body").text_content().split())
        # Vilnius is two hours ahead of UTC in March.
        self.assertIn("Received On: 03/02/2026 12:00:00", body)
        self.assertIn("Acknowledged On: 03/02/2026 16:30:00", body)
        self.assertIn(f"Decision Due By: {self._vilnius(complaint.deadline_decision)}", body)
        self.assertNotIn("Create Date", body)
        self.assertNotIn("Last Stage Update", body)

    def test_complaint_list_speaks_of_complaints(self):
        complaint = self._acknowledged_complaint()
        self.authenticate("iso_portal_ona", "iso_portal_ona")
        page = html.fromstring(self.url_open("/my/tickets").text)
        crumbs = self._texts(page, BREADCRUMB + "//li")
        self.assertIn("Complaints", crumbs)
        self.assertNotIn("Tickets", crumbs)
        headers = self._texts(page, "//thead//th")
        self.assertIn("Received On", headers)
        self.assertIn("Acknowledged On", headers)
        self.assertIn("Decision Due By", headers)
        self.assertNotIn("Create Date", headers)
        self.assertNotIn("Last Stage Update", headers)
        row = " ".join(page.xpath("//tbody/tr")[0].text_content().split())
        self.assertIn(complaint.number, row)
        self.assertIn("03/02/2026 12:00:00", row)
        self.assertIn("03/02/2026 16:30:00", row)
        self.assertIn(self._vilnius(complaint.deadline_decision), row)

        # With a helpdesk ticket beside the complaint, the list is helpdesk's again.
        self.env["helpdesk.ticket"].create(
            {
                "name": "Password reset",
                "description": "<p>Please help.</p>",
                "team_id": self.env["helpdesk.ticket.team"].create({"name": "Support"}).id,
                "partner_id": self.portal_user.partner_id.id,
            }
        )
        page = html.fromstring(self.url_open("/my/tickets").text)
        crumbs = self._texts(page, BREADCRUMB + "//li")
        self.assertIn("Tickets", crumbs)
        headers = self._texts(page, "//thead//th")
        self.assertIn("Create Date", headers)
        self.assertNotIn("Received On", headers)

    def test_plain_ticket_page_unchanged(self):
        plain_team = self.env["helpdesk.ticket.team"].create({"name": "Portal Test Support"})
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Password reset",
                "description": "<p>Please help.</p>",
                "team_id": plain_team.id,
                "partner_id": self.portal_user.partner_id.id,
            }
        )
        self.authenticate("iso_portal_ona", "iso_portal_ona")
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn('id="complaint_process"', page.text)
        self.assertIn('action="/ticket/close"', page.text)
        tree = html.fromstring(page.text)
        self.assertEqual(
            tree.xpath(BREADCRUMB + "//a[starts-with(@href, '/my/tickets')]")[0].text, "Tickets"
        )
        header = " ".join(tree.get_element_by_id("card_header").text_content().split())
        self.assertIn(f"(#{ticket.id})", header)
        self.assertIn("Create Date", page.text)
        self.assertNotIn("Received On", page.text)
        response = self.url_open(
            f"/my/complaint/{ticket.id}/accept",
            data={"csrf_token": self._csrf_token_in(page.text)},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my"))
