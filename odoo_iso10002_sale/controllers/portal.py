from odoo.http import request

from odoo.addons.odoo_iso10002.controllers.portal import CustomerPortalHelpdeskIso10002


class CustomerPortalHelpdeskIso10002Sale(CustomerPortalHelpdeskIso10002):
    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        # The page reads the complaint as superuser: whether the visitor may
        # open the order is asked as the visitor.
        order = ticket.sale_order_id.with_user(request.env.user)
        values["complaint_sale_order"] = order if order and order.has_access("read") else False
        return values
