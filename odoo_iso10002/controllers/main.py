"""Public side of complaints handling (ISO 10002 7.1, 7.2, 7.3 and 7.9).

* ``/complaints/new`` and ``/complaints/submit``: the public complaint form,
  open to anyone, logged in or not;
* ``/complaints/policy``: the published complaints-handling policy;
* ``/my/complaint/<id>/accept`` and ``/reject``: the complainant's answer to
  the decision, from the complaint's portal page.
"""

import base64
import logging

from werkzeug.urls import url_encode

from odoo import SUPERUSER_ID, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import email_normalize, is_html_empty, plaintext2html

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..const import (
    ATTACHMENT_COUNT_MAX,
    ATTACHMENT_SIZE_MAX,
    ATTACHMENTS_TOTAL_MAX,
    FORM_CAPTCHA_ACTION,
    MB,
)
from ..sanitize import check_upload, strip_bidi

_logger = logging.getLogger(__name__)

NAME_MAX = 200
SUBJECT_MAX = 200
DESCRIPTION_MAX = 20_000
EMAIL_MAX = 254
PHONE_MAX = 50
REMEDY_MAX = 5_000
ORDER_REFERENCE_MAX = 200
REASON_MAX = 5_000
# Requests larger than this are refused before being read (HTTP 413): far
# above what a valid submission needs, so that honest visitors always get a
# validation message, and low enough to keep abusers from uploading at will.
REQUEST_MAX = 3 * ATTACHMENTS_TOTAL_MAX
# The honeypot: an input humans do not see, which spam robots fill in.
HONEYPOT = "website_url"
PREFERRED_CONTACTS = ("email", "phone", "post")
FORM_FIELDS = (
    "name",
    "email",
    "phone",
    "subject",
    "description",
    "requested_remedy",
    "order_reference",
    "preferred_contact",
)


class ComplaintController(http.Controller):
    # ------------------------------------------------------------------
    # Public complaint form (7.2 accessibility, 7.3 receipt)
    # ------------------------------------------------------------------

    @http.route(
        "/complaints/new",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=True,
        readonly=True,
    )
    def complaint_new(self, **kw):
        values = {"preferred_contact": "email"}
        user = request.env.user
        if not user._is_public():
            values.update(name=user.partner_id.name, email=user.partner_id.email or "")
        return self._render_complaint_form(values)

    @http.route(
        "/complaints/submit",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        csrf=True,
        sitemap=False,
        max_content_length=REQUEST_MAX,
    )
    def complaint_submit(self, **kw):
        values = self._complaint_form_values(kw)
        limit = (
            request.env["iso10002.form.submission"]
            .sudo()
            ._limit_reached(request.httprequest.remote_addr, email_normalize(values["email"]))
        )
        if limit:
            _logger.info(
                "Complaint form: the limit per %s address is reached for %s, nothing recorded.",
                limit,
                request.httprequest.remote_addr,
            )
            return self._render_complaint_form(
                values, {"limit": self._limit_message(limit)}, status=429
            )
        if kw.get(HONEYPOT):
            _logger.info(
                "Complaint form: honeypot filled in from %s, nothing recorded.",
                request.httprequest.remote_addr,
            )
            self._record_submission(values, "honeypot")
            return request.render("odoo_iso10002.complaint_thanks", {"ticket": False})
        if not self._captcha_passed():
            self._record_submission(values, "captcha")
            return self._render_complaint_form(
                values,
                {
                    "captcha": request.env._(
                        "We could not confirm that the complaint comes from a person and "
                        "not from a robot. Please send it again; if this goes on, contact "
                        "us by e-mail or phone."
                    )
                },
            )
        files = [f for f in request.httprequest.files.getlist("attachment") if f.filename]
        uploads, errors = self._read_attachments(files)
        errors = {**self._validate_complaint(values), **errors}
        if errors:
            return self._render_complaint_form(values, errors)
        team = request.env["helpdesk.ticket"].sudo()._default_complaint_team()
        if not team:
            _logger.warning("Complaint form: no complaint team, nothing recorded.")
            return request.render("odoo_iso10002.complaint_unavailable", status=503)
        ticket, owned = self._create_complaint(team, values, uploads)
        return request.render(
            "odoo_iso10002.complaint_thanks",
            {
                "ticket": ticket,
                # Only the owner of the contact may see the complaint's page: a
                # visitor typing somebody else's address gets the link by mail.
                "follow_url": ticket.get_portal_url() if owned else False,
                "email_sent": bool(
                    (ticket.date_acknowledged or ticket.acknowledgement_pending)
                    and ticket._complainant_email()
                ),
            },
        )

    def _render_complaint_form(self, values, errors=None, status=200):
        return request.render(
            "odoo_iso10002.complaint_form",
            {
                "values": values,
                "errors": errors or {},
                "limits": {
                    "name": NAME_MAX,
                    "subject": SUBJECT_MAX,
                    "description": DESCRIPTION_MAX,
                    "email": EMAIL_MAX,
                    "phone": PHONE_MAX,
                    "requested_remedy": REMEDY_MAX,
                    "order_reference": ORDER_REFERENCE_MAX,
                    "attachment_count": ATTACHMENT_COUNT_MAX,
                    "attachment_size_mb": ATTACHMENT_SIZE_MAX // MB,
                    "attachments_total_mb": ATTACHMENTS_TOTAL_MAX // MB,
                },
                "honeypot": HONEYPOT,
                "captcha": self._captcha_keys(),
            },
            status=status,
        )

    def _limit_message(self, limit):
        _ = request.env._
        if limit == "ip":
            return _(
                "Many complaints have been sent from your connection in the last hour: "
                "please send yours later, or contact us by e-mail or phone."
            )
        return _(
            "Several complaints have been sent for this e-mail address in the last hour: "
            "please send yours later, or contact us by e-mail or phone."
        )

    def _captcha_keys(self):
        """The site keys of Odoo's captcha modules, when they are installed and
        configured: the form then carries their token."""
        ir_http = request.env["ir.http"]
        params = request.env["ir.config_parameter"].sudo()
        return {
            "action": FORM_CAPTCHA_ACTION,
            "recaptcha": hasattr(ir_http, "_verify_recaptcha_token")
            and params.get_param("recaptcha_public_key"),
            "turnstile": hasattr(ir_http, "_verify_turnstile_token")
            and params.get_param("cf.turnstile_site_key"),
        }

    def _captcha_passed(self):
        """Whether the captcha token of the form passes Odoo's captcha modules
        (google_recaptcha, website_cf_turnstile); without them, there is none
        to pass."""
        ir_http = request.env["ir.http"]
        if not hasattr(ir_http, "_verify_request_recaptcha_token"):
            return True
        # A request run again after a serialization failure does not spend
        # the token twice: the captcha service would refuse it.
        if getattr(request, "iso10002_captcha_passed", False):
            return True
        try:
            passed = ir_http._verify_request_recaptcha_token(FORM_CAPTCHA_ACTION)
        except (UserError, ValidationError) as error:
            _logger.info(
                "Complaint form: captcha refused from %s: %s",
                request.httprequest.remote_addr,
                error,
            )
            passed = False
        request.iso10002_captcha_passed = passed
        return passed

    def _record_submission(self, values, outcome, new_contact=False):
        return (
            request.env["iso10002.form.submission"]
            .sudo()
            ._record(
                {
                    "company_id": request.env.company.id,
                    "ip_address": request.httprequest.remote_addr,
                    "email_normalized": email_normalize(values["email"]) or False,
                    "outcome": outcome,
                },
                new_contact=new_contact,
            )
        )

    def _complaint_form_values(self, kw):
        # Bidirectional controls would make the text read otherwise than it is.
        values = {name: strip_bidi(kw.get(name) or "").strip() for name in FORM_FIELDS}
        values["anonymous"] = bool(kw.get("anonymous"))
        if values["preferred_contact"] not in PREFERRED_CONTACTS:
            values["preferred_contact"] = "email"
        return values

    def _validate_complaint(self, values):
        """Error messages by field; nothing typed is ever thrown away."""
        _ = request.env._
        errors = {}
        if not values["subject"]:
            errors["subject"] = _("Please give your complaint a subject.")
        elif len(values["subject"]) > SUBJECT_MAX:
            errors["subject"] = _(
                "The subject is too long: at most %(max)s characters.", max=SUBJECT_MAX
            )
        if not values["description"]:
            errors["description"] = _("Please describe what happened.")
        elif len(values["description"]) > DESCRIPTION_MAX:
            errors["description"] = _(
                "The description is too long: at most %(max)s characters (it has %(len)s).",
                max=format(DESCRIPTION_MAX, ","),
                len=format(len(values["description"]), ","),
            )
        if values["email"]:
            if len(values["email"]) > EMAIL_MAX or not email_normalize(values["email"]):
                errors["email"] = _(
                    "“%(email)s” is not a valid e-mail address.", email=values["email"]
                )
        elif not values["anonymous"]:
            errors["email"] = _(
                "Please give your e-mail address, so that we can answer you, "
                "or choose to complain anonymously."
            )
        if not values["anonymous"] and len(values["name"]) > NAME_MAX:
            errors["name"] = _("The name is too long: at most %(max)s characters.", max=NAME_MAX)
        if len(values["phone"]) > PHONE_MAX:
            errors["phone"] = _(
                "The phone number is too long: at most %(max)s characters.", max=PHONE_MAX
            )
        if len(values["requested_remedy"]) > REMEDY_MAX:
            errors["requested_remedy"] = _(
                "The requested remedy is too long: at most %(max)s characters.",
                max=format(REMEDY_MAX, ","),
            )
        if len(values["order_reference"]) > ORDER_REFERENCE_MAX:
            errors["order_reference"] = _(
                "The reference is too long: at most %(max)s characters.",
                max=ORDER_REFERENCE_MAX,
            )
        return errors

    def _read_attachments(self, files):
        """The uploaded files as (name, content, mimetype), and the error if
        any."""
        _ = request.env._
        again = _("Please select your files again.")
        if len(files) > ATTACHMENT_COUNT_MAX:
            message = _("You can attach at most %(max)s files.", max=ATTACHMENT_COUNT_MAX)
            return [], {"attachment": f"{message} {again}"}
        uploads, total = [], 0
        for upload in files:
            # Read one byte more than allowed: enough to know it is too big.
            content = upload.read(ATTACHMENT_SIZE_MAX + 1)
            if len(content) > ATTACHMENT_SIZE_MAX:
                message = _(
                    "The file “%(name)s” is larger than %(max)s MB.",
                    name=upload.filename,
                    max=ATTACHMENT_SIZE_MAX // MB,
                )
                return [], {"attachment": f"{message} {again}"}
            total += len(content)
            # The type is read from the content, never taken from the browser,
            # and the content must not contradict the name.
            name, mimetype, error = check_upload(request.env, upload.filename, content)
            if error:
                return [], {"attachment": f"{error} {again}"}
            uploads.append((name, content, mimetype))
        if total > ATTACHMENTS_TOTAL_MAX:
            message = _(
                "The files together are larger than %(max)s MB.",
                max=ATTACHMENTS_TOTAL_MAX // MB,
            )
            return [], {"attachment": f"{message} {again}"}
        return uploads, {}

    def _complaint_partner(self, values):
        """The complainant's known contact (none when anonymous or new), and
        whether the visitor owns it: it is the logged-in user's own."""
        if values["anonymous"]:
            return request.env["res.partner"], False
        email = email_normalize(values["email"])
        user = request.env.user
        if not user._is_public() and user.partner_id.email_normalized == email:
            return user.partner_id, True
        partners = request.env["res.partner"].sudo()
        return partners.search([("email_normalized", "=", email)], limit=1), False

    def _create_complaint_partner(self, values):
        partners = request.env["res.partner"].sudo()
        return partners.create(
            {
                "name": values["name"] or values["email"],
                "email": values["email"],
                "phone": values["phone"] or False,
            }
        )

    def _prepare_complaint_vals(self, team, values, partner):
        anonymous = values["anonymous"]
        return {
            "name": values["subject"],
            "description": plaintext2html(values["description"]),
            "team_id": team.id,
            "company_id": team.company_id.id or request.env.company.id,
            "channel_id": (
                request.env["helpdesk.ticket"]._iso_ref(
                    "odoo_iso10002.helpdesk_ticket_channel_public_form"
                )
                or request.env["helpdesk.ticket.channel"]
            ).id,
            "partner_id": partner.id,
            "partner_name": False if anonymous else (values["name"] or partner.name),
            "partner_email": values["email"] or False,
            "partner_phone": values["phone"] or False,
            "is_anonymous": anonymous,
            "preferred_contact": values["preferred_contact"],
            "requested_remedy": values["requested_remedy"] or False,
            "order_reference": values["order_reference"] or False,
            "user_id": False,
        }

    def _create_complaint(self, team, values, uploads):
        partner, owned = self._complaint_partner(values)
        # Recorded for the limits, and, for a new address, the claim of its
        # contact: of two submissions at the same moment, the second is run
        # again once the first is committed, and finds its contact.
        new_contact = not partner and not values["anonymous"]
        self._record_submission(values, "recorded", new_contact=new_contact)
        if new_contact:
            partner, owned = self._create_complaint_partner(values), True
        # As the website form does: the public user neither authors nor follows.
        tickets = (
            request.env["helpdesk.ticket"]
            .with_user(SUPERUSER_ID)
            .with_company(team.company_id or request.env.company)
            .with_context(mail_create_nosubscribe=True)
        )
        ticket = tickets.create(self._prepare_complaint_vals(team, values, partner))
        if partner:
            ticket.message_subscribe(partner_ids=partner.ids)
        if uploads:
            request.env["ir.attachment"].sudo().create(
                [
                    {
                        "name": name,
                        "datas": base64.b64encode(content),
                        "mimetype": mimetype,
                        "res_model": "helpdesk.ticket",
                        "res_id": ticket.id,
                    }
                    for name, content, mimetype in uploads
                ]
            )
        return ticket, owned

    # ------------------------------------------------------------------
    # Complaints-handling policy (5.2, 7.1)
    # ------------------------------------------------------------------

    @http.route(
        "/complaints/policy",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=True,
        readonly=True,
    )
    def complaint_policy(self, **kw):
        company = request.env.company.sudo()
        team = request.env["helpdesk.ticket"].sudo()._default_complaint_team()
        return request.render(
            "odoo_iso10002.complaint_policy",
            {
                "company": company,
                "policy": False
                if is_html_empty(company.iso10002_policy)
                else company.iso10002_policy,
                "decision_days": "%g" % team.complaint_decision_days,
                "answer_days": company.iso10002_answer_days,
            },
        )


class ComplaintPortal(CustomerPortal):
    """The complainant's answer to the decision (7.9)."""

    @http.route(
        "/my/complaint/<int:ticket_id>/accept",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        csrf=True,
        sitemap=False,
    )
    def complaint_accept(self, ticket_id, access_token=None, **kw):
        return self._complaint_answer(ticket_id, access_token, "accepted")

    @http.route(
        "/my/complaint/<int:ticket_id>/reject",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        csrf=True,
        sitemap=False,
    )
    def complaint_reject(self, ticket_id, access_token=None, reason=None, **kw):
        return self._complaint_answer(ticket_id, access_token, "rejected", reason)

    def _complaint_answer(self, ticket_id, access_token, response, reason=None):
        try:
            ticket_sudo = self._document_check_access(
                "helpdesk.ticket", ticket_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if not ticket_sudo.is_complaint:
            return request.redirect("/my")
        if ticket_sudo.iso_step != "decision_communicated" or ticket_sudo.complainant_response:
            return self._complaint_redirect(ticket_sudo, access_token, error="not_awaiting")
        if response == "rejected":
            reason = (reason or "").strip()
            if not reason or len(reason) > REASON_MAX:
                return self._complaint_redirect(ticket_sudo, access_token, error="reason")
        # A logged-in complainant answers in their own name; a visitor with
        # the access link has no user of their own, so the chatter says how
        # the answer came.
        by_link = request.env.user._is_public()
        complaint = request.env["helpdesk.ticket"].sudo().browse(ticket_sudo.id)
        if by_link:
            complaint = complaint.with_user(SUPERUSER_ID)
        try:
            # All or nothing: a guard failing half-way must not leave the
            # answer recorded without its step change.
            with request.env.cr.savepoint():
                if by_link:
                    complaint.message_post(
                        body=request.env._(
                            "The complainant answered on the complaint's page, "
                            "opened through its access link."
                        ),
                        author_id=complaint.partner_id.id or None,
                        subtype_xmlid="mail.mt_note",
                    )
                complaint._record_complainant_response(response, reason)
        except UserError as error:
            _logger.warning(
                "Complaint %s: the complainant's answer could not be recorded: %s",
                complaint.number,
                error,
            )
            return self._complaint_redirect(ticket_sudo, access_token, error="not_recorded")
        return self._complaint_redirect(ticket_sudo, access_token, answer=response)

    def _complaint_redirect(self, ticket, access_token, **query):
        if access_token:
            query["access_token"] = access_token
        return request.redirect(f"{ticket.access_url}?{url_encode(query)}#complaint_process")
