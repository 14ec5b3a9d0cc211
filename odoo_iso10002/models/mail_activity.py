from odoo import api, models

from .iso10002_chatter_mixin import READING_ACTIVITIES, READING_ACTIVITIES_KEY


class MailActivity(models.Model):
    """Activities of the records of the complaints process: whoever reads the
    record reads them, only the access to the record lets one change them
    (see iso10002.chatter.mixin)."""

    _inherit = "mail.activity"

    def _reading(self):
        """Self, telling the records of the complaints process that mail asks
        who reads their activities, not who handles them."""
        return self.with_context(**{READING_ACTIVITIES_KEY: READING_ACTIVITIES})

    def _check_access(self, operation):
        if operation == "read":
            return super(MailActivity, self._reading())._check_access(operation)
        result = super()._check_access(operation)
        return self.env["iso10002.chatter.mixin"]._iso_check_chatter_access(
            self, result, "res_model", lambda records: records._mail_post_access
        )

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        return super(MailActivity, self._reading())._search(domain, offset, limit, order)
