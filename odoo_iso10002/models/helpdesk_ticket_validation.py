from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_datetime

from ..const import ATTACHMENT_SIZE_MAX, MB, STEP_DATES
from ..sanitize import check_upload, strip_bidi

# Dates typed on another device may run a little ahead of the server's clock.
CLOCK_SKEW = timedelta(minutes=5)


class HelpdeskTicket(models.Model):
    """Input validation of complaints, whatever the write path (form, import,
    RPC): impossible dates, stages outside the ISO process, oversized files,
    files whose content contradicts their name, bidirectional controls in
    subjects and file names. The negative compensation check lives with its
    field."""

    # The complaint model, one concern per file.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    def _iso_check_values(self, vals):
        # Cleans rather than refuses: a subject keeps its text, without the
        # invisible characters that would make it read otherwise.
        res = super()._iso_check_values(vals)
        if vals.get("name"):
            vals["name"] = strip_bidi(vals["name"])
        return res

    def _iso_format_date(self, value):
        return format_datetime(self.env, value, tz=self.env.user.tz or "UTC")

    @api.constrains("date_received")
    def _check_date_received(self):
        latest = fields.Datetime.now() + CLOCK_SKEW
        for ticket in self:
            if ticket.date_received and ticket.date_received > latest:
                raise ValidationError(
                    self.env._(
                        "%(ref)s: the date received, %(date)s, is in the future.",
                        ref=ticket.number,
                        date=self._iso_format_date(ticket.date_received),
                    )
                )

    @api.constrains("date_received", *STEP_DATES)
    def _check_step_dates(self):
        for ticket in self.filtered("date_received"):
            earliest = ticket.date_received - CLOCK_SKEW
            for fname in STEP_DATES:
                if ticket[fname] and ticket[fname] < earliest:
                    raise ValidationError(
                        self.env._(
                            "%(ref)s: “%(step)s” (%(date)s) cannot come before the "
                            "date received (%(received)s).",
                            ref=ticket.number,
                            step=self._fields[fname]._description_string(self.env),
                            date=self._iso_format_date(ticket[fname]),
                            received=self._iso_format_date(ticket.date_received),
                        )
                    )

    @api.constrains("date_closed")
    def _check_date_closed(self):
        # Checked when the complaint is closed only: a complaint withdrawn,
        # closed, then re-opened may get its decision after its first closing.
        for ticket in self:
            communicated = ticket.date_decision_communicated
            if ticket.date_closed and communicated and ticket.date_closed < communicated:
                raise ValidationError(
                    self.env._(
                        "%(ref)s cannot be closed (%(date)s) before its decision was "
                        "communicated (%(communicated)s).",
                        ref=ticket.number,
                        date=self._iso_format_date(ticket.date_closed),
                        communicated=self._iso_format_date(communicated),
                    )
                )

    @api.constrains("stage_id", "team_id")
    def _check_complaint_stage(self):
        """A complaint moves through the ISO stages of its team only; the
        stage field's domain says so in the form, this says so to imports
        and RPC."""
        for ticket in self.filtered(lambda t: t.is_complaint and t.stage_id):
            team = ticket.team_id
            if ticket.stage_id.id not in team._iso_applicable_stage_ids():
                raise ValidationError(
                    self.env._(
                        "%(ref)s is a complaint: stage “%(stage)s” is not one of the "
                        "ISO 10002 stages of team %(team)s.",
                        ref=ticket.number,
                        stage=ticket.stage_id.name,
                        team=team.display_name,
                    )
                )

    def _process_attachments_for_post(self, attachments, attachment_ids, message_values):
        """Files a user uploads in the composer of a complaint (backend or
        portal) are held to the public form's rules: size, content agreeing
        with the name; their type is read from the content. Files that come
        by mail or from templates are not refused: no message may be lost.
        All lose the bidirectional controls of their names."""
        complaint = self.browse()
        if message_values.get("model", self._name) == self._name:
            complaint = self.browse(message_values.get("res_id") or self.ids[:1])
        if attachments and complaint.is_complaint:
            attachments = [
                (strip_bidi(attachment[0]) or "attachment", *attachment[1:])
                for attachment in attachments
            ]
        if attachment_ids and complaint.is_complaint:
            uploads = (
                self.env["ir.attachment"]
                .sudo()
                .browse(attachment_ids)
                .filtered(lambda a: a.res_model == "mail.compose.message" and not a.res_id)
            )
            for upload in uploads:
                if upload.file_size > ATTACHMENT_SIZE_MAX:
                    raise ValidationError(
                        self.env._(
                            "“%(name)s” is %(size).1f MB: files on a complaint may be "
                            "%(limit)s MB at most.",
                            name=upload.name,
                            size=upload.file_size / MB,
                            limit=ATTACHMENT_SIZE_MAX // MB,
                        )
                    )
                name, mimetype, error = check_upload(self.env, upload.name, upload.raw)
                if error:
                    raise ValidationError(error)
                if (name, mimetype) != (upload.name, upload.mimetype):
                    upload.write({"name": name, "mimetype": mimetype})
        return super()._process_attachments_for_post(attachments, attachment_ids, message_values)
