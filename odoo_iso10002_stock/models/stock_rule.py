from odoo import models


class StockRule(models.Model):
    _inherit = "stock.rule"

    def _get_custom_move_fields(self):
        # the exchange's procurement marks the replacement moves with their remedy
        return super()._get_custom_move_fields() + ["iso10002_remedy_id"]
