from odoo import api, models

from ..const import ECHO_NAME_MAX, ECHO_SUBJECT_MAX
from ..sanitize import shorten


class HelpdeskTicket(models.Model):
    """What the acknowledgement (ISO 10002 7.4) repeats of the complainant's
    typing. Anyone may send the public form and make the acknowledgement go
    to any address: it greets the name and shows the subject shortened, and
    never quotes the description."""

    # The complaint model, one concern per file.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    @api.depends_context("iso10002_echo_short")
    def _compute_display_name(self):
        # The record name heads the mail's layout.
        res = super()._compute_display_name()
        if self.env.context.get("iso10002_echo_short"):
            for ticket in self:
                ticket.display_name = f"{ticket.number} - {shorten(ticket.name, ECHO_SUBJECT_MAX)}"
        return res

    def _iso_greeting_name(self):
        """The name mails to the complainant greet, shortened."""
        self.ensure_one()
        return shorten(self.partner_name or self.partner_id.name, ECHO_NAME_MAX)

    def _send_acknowledgement(self):
        return super(
            HelpdeskTicket, self.with_context(iso10002_echo_short=True)
        )._send_acknowledgement()
