from odoo import Command, models


class AccountMoveReversal(models.TransientModel):
    _inherit = "account.move.reversal"

    def _prepare_default_reversal(self, move):
        """Opened from a remedy ("Refund"): each credit note the wizard creates,
        by "Reverse" or by "Reverse and Create Invoice", delivers that remedy."""
        values = super()._prepare_default_reversal(move)
        remedy_id = self.env.context.get("iso10002_remedy_id")
        if remedy_id:
            values["iso10002_remedy_ids"] = [Command.link(remedy_id)]
        return values
