from odoo import api, fields, models
from odoo.tools import escape_psql


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # Receipt (7.2): the order complained about, where Sales knows it.
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        check_company=True,
        tracking=True,
        index="btree_not_null",
        domain="[('partner_id', 'child_of', commercial_partner_id), ('state', '=', 'sale')]",
        help="The complainant's confirmed order the complaint is about.",
    )
    # Stored apart from the order, which handlers without Sales rights and
    # other portal users may not read: they still search and see its name.
    # Precomputed, as the complaint's other fields: written by its INSERT.
    sale_order_name = fields.Char(
        related="sale_order_id.name", string="Sales Order Number", store=True, precompute=True
    )
    order_reference_matched = fields.Boolean(
        compute="_compute_order_reference_matched",
        compute_sudo=True,
        help="The free-text order reference names the linked sales order.",
    )

    @api.depends("order_reference", "sale_order_id.name", "sale_order_id.client_order_ref")
    def _compute_order_reference_matched(self):
        for ticket in self:
            reference = (ticket.order_reference or "").strip().casefold()
            order = ticket.sale_order_id
            ticket.order_reference_matched = bool(reference) and reference in (
                (order.name or "").casefold(),
                (order.client_order_ref or "").strip().casefold(),
            )

    @api.model
    def _iso_personal_fields(self):
        # The order names its customer: an anonymised complaint loses it.
        texts, identifiers = super()._iso_personal_fields()
        return texts, [*identifiers, "sale_order_id"]

    def _iso_on_created(self):
        res = super()._iso_on_created()
        self._iso_link_sale_order()
        return res

    def _iso_link_sale_order(self):
        """Link the complaints to the order their reference names: the number
        or client reference of a confirmed order of the complainant (exact,
        case-insensitive). Every intake (public form, portal, mail, register
        wizard) creates the complaint, so every one is matched here. Searched
        as superuser: the public form and handlers without Sales rights match
        too; the order is the complainant's own, nobody else's."""
        orders = self.env["sale.order"].sudo()
        for complaint in self:
            reference = (complaint.order_reference or "").strip()
            if complaint.sale_order_id or not reference or not complaint.commercial_partner_id:
                continue
            pattern = escape_psql(reference)
            matches = orders.search(
                [
                    ("partner_id", "child_of", complaint.commercial_partner_id.id),
                    ("state", "=", "sale"),
                    ("company_id", "=", complaint.company_id.id),
                    "|",
                    ("name", "=ilike", pattern),
                    ("client_order_ref", "=ilike", pattern),
                ]
            )
            # An order's own number wins over another's client reference.
            by_name = matches.filtered_domain([("name", "=ilike", pattern)])
            order = by_name or matches
            if len(order) == 1:
                complaint.sale_order_id = order
