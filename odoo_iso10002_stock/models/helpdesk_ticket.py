from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    picking_ids = fields.Many2many(
        "stock.picking",
        "helpdesk_ticket_stock_picking_rel",
        "ticket_id",
        "picking_id",
        string="Deliveries",
        domain="[('picking_type_code', '=', 'outgoing'),"
        " ('partner_id', 'child_of', commercial_partner_id)]",
        groups="stock.group_stock_user",
        help="The customer's deliveries the complaint is about: "
        "returns and replacements start from them.",
    )
