"""Complaints in helpdesk_mgmt's portal: the logged-in ticket form and the
ticket page (ISO 10002 7.2, 7.3 and 7.9)."""

from odoo import http
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.addons.portal.controllers.web import Home

from .main import PREFERRED_CONTACTS, REASON_MAX


def _read_only(controller):
    """The mode of an inherited route whose whole code path only reads.

    Odoo refuses a literal ``readonly=True`` on an override of a read/write
    route (it logs a warning and keeps the route read/write); a callable is
    the way it accepts."""
    return True


class HomeIso10002(Home):
    def _login_redirect(self, uid, redirect=None):
        # The portal speaks the language of the frontend_lang cookie before the
        # user's own, and the login page sets that cookie to the default
        # language: a complainant who reads Lithuanian would land in English.
        user = request.env["res.users"].sudo().browse(uid)
        lang = user.share and request.env["ir.http"].get_nearest_lang(user.lang)
        if lang:
            request.future_response.set_cookie("frontend_lang", lang)
        return super()._login_redirect(uid, redirect=redirect)


class HelpdeskTicketControllerIso10002(HelpdeskTicketController):
    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        team = request.env["helpdesk.ticket.team"].sudo().browse(vals.get("team_id"))
        if team.is_complaint_team:
            contact = kw.get("preferred_contact")
            vals.update(
                {
                    "requested_remedy": (kw.get("requested_remedy") or "").strip() or False,
                    "order_reference": (kw.get("order_reference") or "").strip() or False,
                    "preferred_contact": contact if contact in PREFERRED_CONTACTS else "email",
                    "partner_phone": request.env.user.partner_id.phone or False,
                }
            )
        return vals


class CustomerPortalHelpdeskIso10002(CustomerPortalHelpdesk):
    def _ticket_searchbar_labels(self):
        """helpdesk_mgmt's searchbar labels, translatable here: its own Python
        terms are read from its catalogs only, and it ships no Lithuanian."""
        _ = request.env._
        return {
            "searchbar_sortings": {
                "date": _("Newest"),
                "name": _("Title"),
                "stage": _("Stage"),
                "update": _("Last Stage Update"),
            },
            "searchbar_groupby": {
                "none": _("None"),
                "category": _("Category"),
                "stage": _("Stage"),
            },
            "searchbar_inputs": {
                "all": _("Search in All"),
                "number": _("Search in Number"),
                "name": _("Search in Title"),
            },
            "searchbar_filters": {"all": _("All")},
        }

    # helpdesk_mgmt's list only reads: the history it keeps is in the session,
    # stored in files, not in the database.
    @http.route(readonly=_read_only)
    def portal_my_tickets(self, *args, **kwargs):
        response = super().portal_my_tickets(*args, **kwargs)
        qcontext = getattr(response, "qcontext", None)
        if qcontext is None:  # redirected
            return response
        for searchbar, labels in self._ticket_searchbar_labels().items():
            for key, label in labels.items():
                if key in qcontext.get(searchbar, {}):
                    qcontext[searchbar][key]["label"] = label
        # A complainant without helpdesk tickets follows complaints: the list
        # says so, with the dates of the complaint process.
        tickets = request.env["helpdesk.ticket"]
        complaints_only = bool(
            tickets.search_count([("is_complaint", "=", True)], limit=1)
        ) and not tickets.search_count([("is_complaint", "=", False)], limit=1)
        qcontext["complaints_only"] = complaints_only
        if complaints_only:
            qcontext["tickets_title"] = request.env._("Complaints")
        return response

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        if not ticket.is_complaint:
            return values
        _ = request.env._
        stages = ticket.team_id._get_applicable_stages()
        errors = {
            "reason": _(
                "Please tell us why you do not accept the decision, in at most "
                "%(max)s characters. Nothing has been recorded yet.",
                max=format(REASON_MAX, ","),
            ),
            "not_awaiting": _(
                "This complaint is not awaiting your answer (any more): nothing has been recorded."
            ),
            "not_recorded": _(
                "We could not record your answer and nothing has been changed: "
                "please contact us, quoting the complaint reference."
            ),
        }
        answers = {
            "accepted": _("Thank you: you accepted our decision and the complaint is closed.")
            if ticket.iso_step == "closed"
            else _(
                "Thank you: you accepted our decision. We close the complaint once "
                "the remedies are delivered."
            ),
            "rejected": _(
                "Thank you for your answer: we are looking into your complaint again "
                "and will come back to you."
            ),
        }
        values.update(
            {
                # Complaints follow the ISO process: no helpdesk close buttons.
                "closed_stages": request.env["helpdesk.ticket.stage"],
                "iso_stages": stages,
                "iso_current_index": stages.ids.index(ticket.stage_id.id)
                if ticket.stage_id in stages
                else -1,
                "awaiting_answer": ticket.iso_step == "decision_communicated"
                and not ticket.complainant_response,
                "complaint_error": errors.get(kwargs.get("error")),
                "complaint_answer": answers.get(kwargs.get("answer")),
                "reason_max": REASON_MAX,
                "tickets_title": _("Complaints"),
            }
        )
        return values
