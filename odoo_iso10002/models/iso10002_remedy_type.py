from odoo import fields, models


class Iso10002RemedyType(models.Model):
    _name = "iso10002.remedy.type"
    _description = "Complaint Remedy"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_compensation = fields.Boolean(
        string="Carries an Amount",
        help="A remedy of this type costs an amount (refund, compensation): "
        "its cost counts towards the approval limit.",
    )
    delivery = fields.Selection(
        [("hand", "By hand")],
        string="Delivered By",
        default="hand",
        required=True,
        help="What delivers a remedy of this type: a handler marks it delivered, "
        "or the ERP document the complaint creates for it (with the bridge addons).",
    )
