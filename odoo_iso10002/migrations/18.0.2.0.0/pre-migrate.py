"""18.0.2.0.0: the decision mail lists the remedy lines.

Its template is data an administrator may edit (noupdate), so an upgrade
would keep the old body, which reads the complaint's compensation amount, a
field that is gone: sending a decision would fail. The template is reloaded
from the addon once, by this upgrade; it stays noupdate afterwards."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """UPDATE ir_model_data SET noupdate = FALSE
            WHERE module = 'odoo_iso10002' AND name = 'mail_template_complaint_decision'"""
    )
