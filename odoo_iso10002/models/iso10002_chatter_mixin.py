from odoo import api, models
from odoo.exceptions import AccessError

from ..const import AUDITOR_GROUP

# Put in the context by mail.activity while it decides who reads activities.
# An object, not a value: no client can send it in the context of a request.
READING_ACTIVITIES = object()
READING_ACTIVITIES_KEY = "iso10002_reading_activities"


class Iso10002ChatterMixin(models.AbstractModel):
    """The chatter of the records of the complaints process (complaints,
    corrective actions, management reviews) is part of their history: the
    access to the record decides who changes it, and auditors, who read all
    of it, change none of it.

    A model lists this mixin first in its `_inherit`, so that mail reads this
    `_mail_post_access` rather than mail.thread's or helpdesk_mgmt's."""

    _name = "iso10002.chatter.mixin"
    _description = "Chatter of a Complaints-Process Record"

    @property
    def _mail_post_access(self):
        # mail asks this one attribute which access to the record lets a user
        # post on it (composer, file upload, scheduled messages) and handle its
        # activities, and also who reads its activities. Everyone who reads the
        # record reads its activities; for the rest an auditor needs the right
        # to write the record, which an auditor never has. Other users keep the
        # model's rule (helpdesk_mgmt lets those who read a ticket post on it,
        # e.g. portal customers and the colleagues a handler asks to follow).
        if self.env.context.get(READING_ACTIVITIES_KEY) is READING_ACTIVITIES:
            return "read"
        if self.env.user.has_group(AUDITOR_GROUP):
            return "write"
        return super()._mail_post_access

    @api.model
    def _iso_check_chatter_access(self, entries, result, model_field, document_access):
        """Complete `result`, the `_check_access` of `entries` (messages or
        activities, linked to a record by `model_field` and `res_id`): on the
        records of the complaints process an employee changes an entry only
        with the access `document_access(records)` names. Odoo also lets the
        author, a recipient or follower, the assignee change it whatever their
        access to the record; here that is not enough. The refusal says why."""
        if not entries or entries.env.su or not entries.env.user._is_internal():
            return result
        forbidden = entries.browse()
        for model, group in entries.sudo().grouped(model_field).items():
            if model not in self.env or not isinstance(self.env[model], self.pool[self._name]):
                continue
            records = entries.env[model].browse(set(group.mapped("res_id")))
            if denied := records._check_access(document_access(records)):
                forbidden += group.filtered(lambda entry, ids=denied[0].ids: entry.res_id in ids)
        if not forbidden:
            return result
        forbidden = entries.browse(forbidden.ids)
        description = self.env["ir.model"]._get(forbidden.sudo()[:1][model_field]).name

        def error():
            return AccessError(
                self.env._(
                    "Only those who may edit this %(document)s post on it, edit its "
                    "messages or handle its activities.",
                    document=description,
                )
            )

        return (result[0] | forbidden if result else forbidden), error
