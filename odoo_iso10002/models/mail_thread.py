import logging

from odoo import api, models, tools

_logger = logging.getLogger(__name__)

# Mail systems write from these mailboxes (bounces, delivery reports).
SYSTEM_SENDERS = ("mailer-daemon", "postmaster")


class MailThread(models.AbstractModel):
    """Automatic mail opens no complaint (ISO 10002 7.2, 8.2): an
    out-of-office reply, a mailing list, a delivery report is not a customer
    complaining, and acknowledging it would answer a robot and count it in
    the figures. Such a mail that replies to an existing complaint is still
    posted on it."""

    _inherit = "mail.thread"

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        if routes and self._iso_is_automatic_mail(message, message_dict):
            kept = [route for route in routes if not self._iso_route_opens_complaint(route)]
            if len(kept) < len(routes):
                _logger.info(
                    "Automatic mail %s from %s opens no complaint: ignored.",
                    message_dict.get("message_id"),
                    message_dict.get("email_from"),
                )
            routes = kept
        return super()._message_route_process(message, message_dict, routes)

    @api.model
    def _iso_is_automatic_mail(self, message, message_dict):
        """RFC 3834 Auto-Submitted (other than "no"), bulk, junk or list
        precedence, auto-responder headers, or a mail system's sender."""
        auto_submitted = (message.get("Auto-Submitted") or "").strip().lower()
        precedence = (message.get("Precedence") or "").strip().lower()
        sender = tools.email_normalize(message_dict.get("email_from") or "") or ""
        return bool(
            (auto_submitted and auto_submitted != "no")
            or precedence in ("bulk", "junk", "list")
            or message.get("X-Autoreply")
            or message.get("X-Autorespond")
            or sender.split("@")[0] in SYSTEM_SENDERS
        )

    @api.model
    def _iso_route_opens_complaint(self, route):
        model, thread_id, custom_values, _user_id, _alias = route
        if model != "helpdesk.ticket" or thread_id:
            return False
        team_id = (custom_values or {}).get("team_id")
        return bool(self.env["helpdesk.ticket.team"].sudo().browse(team_id).is_complaint_team)
