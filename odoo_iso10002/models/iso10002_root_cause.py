from odoo import fields, models


class Iso10002RootCause(models.Model):
    _name = "iso10002.root.cause"
    _description = "Complaint Root Cause"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_unique", "unique(name)", "A root cause with this name already exists."),
    ]
