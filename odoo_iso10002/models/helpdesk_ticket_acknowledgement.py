import logging

from odoo import api, fields, models

from ..const import ECHO_NAME_MAX, ECHO_SUBJECT_MAX
from ..sanitize import shorten

_logger = logging.getLogger(__name__)

ACKNOWLEDGEMENT_CRON = "odoo_iso10002.ir_cron_send_acknowledgements"


class HelpdeskTicket(models.Model):
    """The acknowledgement (ISO 10002 7.4).

    Complaints are acknowledged automatically right after the transaction
    that received them commits, by a cron triggered then: the request does
    not render the mail, and a complaint whose transaction rolls back is
    never acknowledged.

    What it repeats of the complainant's typing: anyone may send the public
    form and make the acknowledgement go to any address: it greets the name
    and shows the subject shortened, and never quotes the description."""

    # The complaint model, one concern per file.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # Decided once, as the complaint is created (no dependencies), and written
    # with it; the cron clears it. A ticket moved into a complaint team later
    # is acknowledged by hand.
    acknowledgement_pending = fields.Boolean(
        compute="_compute_acknowledgement_pending",
        store=True,
        precompute=True,
        copy=False,
        readonly=True,
        help="The acknowledgement mail goes out within a minute.",
    )

    def init(self):
        # The cron looks for the few pending complaints among all.
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS helpdesk_ticket_acknowledgement_pending_index "
            "ON helpdesk_ticket (id) WHERE acknowledgement_pending"
        )

    @api.depends()
    def _compute_acknowledgement_pending(self):
        for ticket in self:
            ticket.acknowledgement_pending = bool(
                ticket.is_complaint
                and ticket.team_id.complaint_auto_acknowledge
                and ticket.iso_step == "received"
                and ticket._complainant_email()
            )

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

    def _iso_on_created(self):
        """Complaints of a team that acknowledges automatically, with an
        address, are acknowledged by the cron, which is woken up for them."""
        res = super()._iso_on_created()
        to_acknowledge = self.filtered("acknowledgement_pending")
        if to_acknowledge:
            # the id, cached, without reading whether the record still exists
            cron_id = self.env["ir.model.data"]._xmlid_to_res_id(
                ACKNOWLEDGEMENT_CRON, raise_if_not_found=False
            )
            if cron_id:
                self.env["ir.cron"].browse(cron_id)._trigger()
            else:
                _logger.warning(
                    "%s was deleted: complaints are acknowledged at once.", ACKNOWLEDGEMENT_CRON
                )
                to_acknowledge._iso_acknowledge()
        return res

    @api.model
    def _cron_send_acknowledgements(self, batch_size=100):
        """Acknowledge the complaints received since the last run."""
        self._iso_cron_batch(
            [
                (
                    [("acknowledgement_pending", "=", True)],
                    lambda complaint: complaint._iso_acknowledge_as_registrar(),
                    "Sending the acknowledgement",
                )
            ],
            _logger,
            batch_size,
        )

    def _iso_acknowledge_as_registrar(self):
        """Acknowledge in the name and language of whoever registered the
        complaint, as when it was acknowledged in their request: they get no
        copy of it, and the chatter speaks their language."""
        for complaint in self:
            registrar = complaint.create_uid or self.env.user
            complaint.with_user(registrar).with_context(
                lang=registrar.lang
            ).sudo()._iso_acknowledge()

    def _iso_acknowledge(self):
        """Move the complaints to the step 'acknowledged', which sends the
        acknowledgement and dates it now. One acknowledged by hand meanwhile,
        or whose address was cleared, is left as it is."""
        for complaint in self:
            complaint.acknowledgement_pending = False
            if complaint.iso_step != "received" or not complaint._complainant_email():
                continue
            stage = complaint._iso_stage("acknowledged", raise_if_not_found=False)
            if stage:
                complaint.stage_id = stage
            else:
                # a team whose stage for the step was archived still receives complaints
                _logger.warning(
                    "Team %s has no stage for the step “acknowledged”: complaint %s is "
                    "left to acknowledge by hand.",
                    complaint.team_id.display_name,
                    complaint.number,
                )
