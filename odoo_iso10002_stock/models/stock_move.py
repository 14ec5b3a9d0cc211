from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    iso10002_remedy_id = fields.Many2one(
        "iso10002.remedy",
        string="Complaint Remedy",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="The replacement remedy this move delivers (Odoo's exchange procurement).",
    )
