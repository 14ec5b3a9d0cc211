import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("odoo_iso10002_manager_management_review", {
    steps: () => [
        {
            content: "Prepare a management review",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=other_attendees] input",
            run: "edit External auditor",
        },
        {
            content: "Compute the KPI snapshot of the last quarter",
            trigger: "button[name=action_compute]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=line_ids] .o_data_row:contains(Complaints received)",
        },
        {
            trigger: "button[name=action_start_review]",
            run: "click",
        },
        {
            trigger: ".o_notebook_headers a:contains(Conclusions)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=conclusions] .odoo-editor-editable",
            run: "editor The process is effective; deliveries cause most complaints.",
        },
        {
            content: "Complete the review: it is frozen",
            trigger: "button[name=action_done]",
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Done)",
        },
        {
            trigger: "body:not(:has(button[name=action_compute]))",
        },
    ],
});
