from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    iso10002_survey_opt_out = fields.Boolean(
        string="No Complaint Surveys",
        help="Never send this contact a satisfaction survey about a complaint.",
    )
