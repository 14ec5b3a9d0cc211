# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Complaints Handling (ISO 10002)",
    "summary": "Handle customer complaints in the helpdesk as ISO 10002:2018 asks",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "odoo_iso10002 contributors",
    "depends": ["helpdesk_mgmt", "crm", "survey"],
    "data": [
        "security/iso10002_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/helpdesk_ticket_team_data.xml",
        "data/helpdesk_ticket_stage_data.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/helpdesk_ticket_stage_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/iso10002_menus.xml",
    ],
    "demo": ["demo/iso10002_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "odoo_iso10002/static/src/js/tours/*.js",
        ],
    },
    "development_status": "Alpha",
    "application": True,
    "installable": True,
}
