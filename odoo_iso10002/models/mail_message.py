from odoo import models


class MailMessage(models.Model):
    """Messages on the records of the complaints process: only the access to
    the record lets one post, edit or delete them (see iso10002.chatter.mixin)."""

    _inherit = "mail.message"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation == "read":
            return result
        return self.env["iso10002.chatter.mixin"]._iso_check_chatter_access(
            self,
            result,
            "model",
            lambda records: records._get_mail_message_access(records.ids, operation),
        )
