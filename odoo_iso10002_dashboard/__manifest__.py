# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Complaints Dashboard (ISO 10002)",
    "summary": "The complaints-handling figures in Odoo's Dashboards app",
    "version": "18.0.1.0.0",
    "category": "Productivity/Dashboard",
    "license": "AGPL-3",
    "author": "odoo_iso10002 contributors",
    "depends": ["odoo_iso10002", "spreadsheet_dashboard"],
    "data": [
        "data/dashboards.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "odoo_iso10002_dashboard/static/src/js/tours/*.js",
        ],
    },
    # installed with the complaints addon, bringing the Dashboards app along
    "auto_install": ["odoo_iso10002"],
    "development_status": "Alpha",
    "installable": True,
}
