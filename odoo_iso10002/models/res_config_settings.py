from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    company_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", string="Company Currency"
    )
    iso10002_policy = fields.Html(related="company_id.iso10002_policy", readonly=False)
    iso10002_appeal_info = fields.Html(related="company_id.iso10002_appeal_info", readonly=False)
    iso10002_adr_body = fields.Char(related="company_id.iso10002_adr_body", readonly=False)
    iso10002_adr_url = fields.Char(related="company_id.iso10002_adr_url", readonly=False)
    iso10002_compensation_limit = fields.Monetary(
        related="company_id.iso10002_compensation_limit",
        currency_field="company_currency_id",
        readonly=False,
    )
    iso10002_answer_days = fields.Integer(related="company_id.iso10002_answer_days", readonly=False)
    iso10002_repeat_window_days = fields.Integer(
        related="company_id.iso10002_repeat_window_days", readonly=False
    )
    iso10002_retention_months = fields.Integer(
        related="company_id.iso10002_retention_months", readonly=False
    )
    iso10002_form_limit_ip = fields.Integer(
        related="company_id.iso10002_form_limit_ip", readonly=False
    )
    iso10002_form_limit_email = fields.Integer(
        related="company_id.iso10002_form_limit_email", readonly=False
    )
