# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Complaints and Sales Orders (ISO 10002)",
    "summary": "The complaint's sales order in place of a free-text order reference",
    "version": "18.0.1.0.1",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "odoo_iso10002 contributors",
    "depends": ["odoo_iso10002", "sale"],
    "data": [
        "views/helpdesk_ticket_views.xml",
        "views/sale_order_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/helpdesk_ticket_demo.xml",
    ],
    # installed by itself where both complaints and Sales are
    "auto_install": True,
    "development_status": "Alpha",
    "installable": True,
}
