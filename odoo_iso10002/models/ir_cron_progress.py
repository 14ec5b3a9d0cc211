from odoo import fields, models


class IrCronProgress(models.Model):
    """ir.cron runs a cron as a series of calls, one batch each, with one
    progress record per call. The complaint crons keep there the records a
    batch failed on, so that the later calls of the same run skip them
    instead of failing on them again."""

    _inherit = "ir.cron.progress"

    iso10002_failures = fields.Json(
        string="Records Failed in This Run",
        help="Ids of the records the calls of this run failed on so far.",
    )

    def _iso10002_failures_of_run(self):
        """The failures of the earlier calls of the run this call belongs to:
        those of the cron's previous call, while it left work to do."""
        if not self:
            return []
        previous = self.search(
            [("cron_id", "=", self.cron_id.id), ("id", "<", self.id)], order="id desc", limit=1
        )
        return (previous.remaining and previous.iso10002_failures) or []
