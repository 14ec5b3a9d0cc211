from odoo import fields, models


class Iso10002RemedyType(models.Model):
    _inherit = "iso10002.remedy.type"

    delivery = fields.Selection(
        selection_add=[("return", "Return of goods"), ("replacement", "Replacement delivery")],
        ondelete={"return": "set default", "replacement": "set default"},
    )
