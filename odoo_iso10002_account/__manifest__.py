# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Complaints Refunds in Invoicing (ISO 10002)",
    "summary": "Refund a complaint's remedy by credit note, with Odoo's own reversal wizard",
    "version": "18.0.1.0.0",
    "category": "Services/Helpdesk",
    "license": "AGPL-3",
    "author": "odoo_iso10002 contributors",
    "depends": ["odoo_iso10002", "account"],
    "data": [
        "data/iso10002_remedy_type_data.xml",
        "views/helpdesk_ticket_views.xml",
        "views/account_move_views.xml",
    ],
    "demo": [
        "demo/iso10002_account_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "odoo_iso10002_account/static/src/js/tours/*.js",
        ],
    },
    # installed when both the complaints addon and Invoicing are there
    "auto_install": True,
    "development_status": "Alpha",
    "installable": True,
}
