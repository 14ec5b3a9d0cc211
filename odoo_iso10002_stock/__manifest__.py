# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Complaints and Inventory (ISO 10002)",
    "summary": "Returns and replacement deliveries that carry out a complaint's remedies",
    "version": "18.0.1.0.0",
    "category": "Services/Helpdesk",
    "license": "AGPL-3",
    "author": "odoo_iso10002 contributors",
    "depends": ["odoo_iso10002", "stock"],
    "data": [
        "data/iso10002_remedy_type_data.xml",
        "views/helpdesk_ticket_views.xml",
        "views/iso10002_remedy_views.xml",
        "views/stock_picking_views.xml",
        "wizard/stock_return_picking_views.xml",
    ],
    "demo": [
        "demo/iso10002_stock_demo.xml",
    ],
    # installed by itself where both the complaints addon and Inventory are
    "auto_install": True,
    "development_status": "Alpha",
    "installable": True,
}
