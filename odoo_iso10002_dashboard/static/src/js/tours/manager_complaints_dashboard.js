import {registry} from "@web/core/registry";

// A complaint manager opens the Complaints dashboard: it loads its data and
// draws its charts, with no loading error.
registry.category("web_tour.tours").add("odoo_iso10002_dashboard_manager", {
    url: "/odoo/dashboards",
    steps: () => [
        {
            trigger: ".o_search_panel_category_value:contains(Complaints)",
            run: "click",
        },
        {
            trigger:
                ".o_spreadsheet_dashboard_action .o_search_panel_category_value.active:contains(Complaints)",
        },
        {
            trigger: ".o_spreadsheet_dashboard_action .o-spreadsheet .o-figure canvas",
        },
        {
            trigger:
                ".o_spreadsheet_dashboard_action:not(:has(.dashboard-loading-status.error))",
        },
    ],
});
