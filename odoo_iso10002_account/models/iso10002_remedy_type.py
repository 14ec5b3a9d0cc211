from odoo import fields, models


class Iso10002RemedyType(models.Model):
    _inherit = "iso10002.remedy.type"

    delivery = fields.Selection(
        selection_add=[("credit_note", "Credit note")],
        ondelete={"credit_note": "set default"},
    )
