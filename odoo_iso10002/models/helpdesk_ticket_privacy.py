import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError

from ..const import MANAGER_GROUP

_logger = logging.getLogger(__name__)

# Free texts that may hold personal data: replaced by a neutral text when set.
PERSONAL_TEXTS = [
    "name",
    "partner_name",
    "description",
    "notes",
    "requested_remedy",
    "immediate_action_taken",
    "findings",
    "decision_text",
    "rejection_reason",
]
# Identifiers: emptied.
PERSONAL_IDENTIFIERS = [
    "partner_id",
    "partner_email",
    "partner_phone",
    "email_cc",
    "order_reference",
]


class HelpdeskTicket(models.Model):
    """Retention of the complainants' personal data (GDPR storage limitation,
    right to erasure; ISO 10002 4.10 confidentiality).

    Anonymisation is irreversible and keeps everything the statistics read:
    reference, dates, team, category, channel, assessment, root cause,
    decision, remedies (type, amount, state, dates), steps, escalations,
    satisfaction score.
    """

    # The complaint model, one concern per file.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    anonymised_date = fields.Datetime(
        string="Anonymised On",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="When the personal data of the complaint was anonymised.",
    )

    def action_anonymise(self):
        """Right to erasure: anonymise closed complaints now."""
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only a complaint manager can anonymise a complaint's personal data.")
            )
        self.check_access("write")
        todo = self.filtered(lambda c: not c.anonymised_date)
        still_open = todo.filtered(lambda c: c.iso_step != "closed")
        if still_open:
            raise UserError(
                self.env._(
                    "Close the complaint before anonymising it: %(refs)s.",
                    refs=", ".join(still_open.mapped("number")),
                )
            )
        todo._iso_anonymise(self.env._("erasure request, by %(user)s", user=self.env.user.name))
        return True

    @api.model
    def _iso_personal_fields(self):
        """(free texts, identifiers) of the complaint that hold personal data;
        extend them when adding such fields."""
        return PERSONAL_TEXTS, PERSONAL_IDENTIFIERS

    def _iso_anonymise(self, reason):
        """Irreversibly remove the personal data of these complaints: their
        complainant fields, attachments, chatter contents, outgoing mails,
        external followers and the identity on their survey answers.
        Contacts are left alone: they may be customers with other business."""
        complaints = self.sudo().filtered(lambda c: c.is_complaint and not c.anonymised_date)
        if not complaints:
            return
        neutral = self.env._("[anonymised]")
        texts, identifiers = self._iso_personal_fields()
        messages = (
            self.env["mail.message"]
            .sudo()
            .search([("model", "=", self._name), ("res_id", "in", complaints.ids)])
        )
        # Mails not created as notifications take their message along.
        self.env["mail.mail"].sudo().search([("mail_message_id", "in", messages.ids)]).unlink()
        messages = messages.exists()
        internal = self._iso_internal_partners(
            messages.author_id
            | messages.partner_ids
            | messages.notification_ids.res_partner_id
            | complaints.message_partner_ids
        )
        attachments = messages.attachment_ids | self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", complaints.ids)]
        )
        attachments.unlink()
        self.env["mail.tracking.value"].sudo().search(
            [
                ("mail_message_id", "in", messages.ids),
                ("field_id.model", "=", self._name),
                ("field_id.name", "in", texts + identifiers),
            ]
        ).write(
            {
                f"{age}_value_{kind}": False
                for age in ("old", "new")
                for kind in ("char", "text", "integer")
            }
        )
        messages.notification_ids.filtered(lambda n: n.res_partner_id not in internal).unlink()
        messages.link_preview_ids.unlink()
        messages.write(
            {"subject": False, "email_from": False, "reply_to": False, "author_guest_id": False}
        )
        messages.filtered(lambda m: not tools.is_html_empty(m.body)).write(
            {"body": tools.plaintext2html(neutral)}
        )
        messages.filtered(lambda m: m.author_id and m.author_id not in internal).write(
            {"author_id": False}
        )
        for message in messages.filtered(lambda m: m.partner_ids - internal):
            message.partner_ids = message.partner_ids & internal
        complaints.message_follower_ids.filtered(lambda f: f.partner_id not in internal).unlink()
        answers = complaints.survey_answer_ids
        answers.write({"partner_id": False, "email": False, "nickname": False})
        answers.user_input_line_ids.filtered("value_char_box").value_char_box = neutral
        answers.user_input_line_ids.filtered("value_text_box").value_text_box = neutral
        # the type, amount and dates of a remedy stay for the review; its text may name people
        complaints.remedy_ids.filtered("name").name = neutral
        # no tracking of the old values, even of changes made earlier in this transaction
        complaints._track_discard()
        now = fields.Datetime.now()
        for complaint in complaints:
            values = {fname: False for fname in identifiers}
            for fname in texts:
                if complaint[fname]:
                    html = complaint._fields[fname].type == "html"
                    values[fname] = tools.plaintext2html(neutral) if html else neutral
            was_repeat = complaint.is_repeat
            complaint.write({**values, "is_anonymous": True, "anonymised_date": now})
            if complaint.is_repeat != was_repeat:
                # the customer goes, the repeat figure stays
                complaint.is_repeat = was_repeat
            messages.filtered(
                lambda m, c=complaint: m.res_id == c.id
            ).record_name = complaint.display_name
            complaint.message_post(
                body=self.env._("Personal data anonymised (%(reason)s).", reason=reason),
                subtype_xmlid="mail.mt_note",
            )
            _logger.info("Complaint %s: personal data anonymised (%s)", complaint.number, reason)

    @api.model
    def _iso_internal_partners(self, partners):
        """The partners of internal users, archived ones included."""
        return partners.with_context(active_test=False).filtered(
            lambda p: any(not user.share for user in p.user_ids)
        )

    @api.model
    def _cron_anonymise_expired(self, batch_size=500):
        """Anonymise the complaints closed longer ago than their company's
        retention period, one batch per call."""
        now = fields.Datetime.now()
        jobs = []
        for company in self.env["res.company"].search([("iso10002_retention_months", ">", 0)]):
            months = company.iso10002_retention_months
            cutoff = now - relativedelta(months=months)
            reason = self.env._(
                "end of the %(months)s-month retention period after closing", months=months
            )
            expired = [
                ("is_complaint", "=", True),
                ("company_id", "=", company.id),
                ("iso_step", "=", "closed"),
                ("anonymised_date", "=", False),
                ("date_closed", "<", cutoff),
                # closed again after a re-opening: counted from the last closing
                "|",
                ("closed_date", "=", False),
                ("closed_date", "<", cutoff),
            ]
            jobs.append(
                (
                    expired,
                    lambda complaint, reason=reason: complaint._iso_anonymise(reason),
                    "Anonymising the personal data",
                )
            )
        # archived complaints too
        self.with_context(active_test=False)._iso_cron_batch(jobs, _logger, batch_size)
