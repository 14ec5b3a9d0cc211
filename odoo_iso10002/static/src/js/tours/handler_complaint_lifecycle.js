import {registry} from "@web/core/registry";

const tab = (name) => ({
    content: `Open the ${name} tab`,
    trigger: `.o_notebook_headers a.nav-link:contains(${name})`,
    run: "click",
});
const stage = (name) => ({
    content: `Move the complaint to ${name}`,
    trigger: `.o_statusbar_status button:contains(${name})`,
    run: "click",
});
const step = (name) => ({
    content: `The complaint is at the step ${name}`,
    trigger: `.o_form_saved .o_field_widget[name=iso_step]:contains(${name})`,
});

// A handler takes a phone complaint from receipt to closing (ISO 10002 7.2-7.9),
// in a team that closes complaints once their remedies are delivered.
registry.category("web_tour.tours").add("odoo_iso10002_handler_complaint_lifecycle", {
    steps: () => [
        {trigger: ".o-kanban-button-new", run: "click"},
        {trigger: ".o_field_widget[name=name] input", run: "edit Wobbly table leg"},
        {
            trigger: ".o_field_widget[name=description] .odoo-editor-editable",
            run: "editor One leg of the dining table wobbles since delivery.",
        },
        {trigger: ".o_form_button_save", run: "click"},
        step("Received"),
        {content: "Acknowledged by phone", trigger: "button[name=action_acknowledge]", run: "click"},
        step("Acknowledged"),
        tab("Assessment"),
        {trigger: ".o_field_widget[name=severity] select", run: "selectByLabel Medium"},
        {trigger: ".o_field_widget[name=impact] select", run: "selectByLabel Low"},
        {trigger: ".o_field_widget[name=complexity] select", run: "selectByLabel Low"},
        stage("Initial Assessment"),
        step("Initial assessment"),
        stage("Investigation"),
        step("Investigation"),
        tab("Investigation"),
        {
            trigger: ".o_field_widget[name=findings] .odoo-editor-editable",
            run: "editor A screw was missing from the leg fitting.",
        },
        {trigger: ".o_field_widget[name=root_cause_id] input", run: "edit Product defect"},
        {trigger: ".o-autocomplete--dropdown-item:contains(Product defect)", run: "click"},
        stage("Response"),
        step("Response"),
        tab("Response"),
        {trigger: ".o_field_widget[name=decision] select", run: "selectByLabel Upheld"},
        {
            trigger: ".o_field_widget[name=decision_text] .odoo-editor-editable",
            run: "editor We send a technician to fix the leg this week.",
        },
        {
            content: "Decide a technician's visit",
            trigger: ".o_field_widget[name=remedy_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=remedy_ids] .o_data_row .o_field_widget[name=remedy_type_id] input",
            run: "edit Technician visit",
        },
        {trigger: ".o-autocomplete--dropdown-item:contains(Technician visit)", run: "click"},
        {
            trigger: ".o_field_widget[name=remedy_ids] .o_data_row .o_field_widget[name=name] input",
            run: "edit Fix the leg fitting",
        },
        {trigger: "button[name=action_communicate_decision]", run: "click"},
        {content: "Confirm sending the decision", trigger: ".modal-footer .btn-primary", run: "click"},
        step("Decision communicated"),
        {
            content: "The complainant accepted by phone",
            trigger: "button[name=action_record_acceptance]",
            run: "click",
        },
        {
            content: "The team closes once the visit is done",
            trigger: ".o_form_saved:not(:has(button[name=action_record_acceptance]))",
        },
        step("Decision communicated"),
        tab("Response"),
        {
            content: "The technician fixed the leg",
            trigger: ".o_field_widget[name=remedy_ids] .o_data_row button[name=action_deliver]",
            run: "click",
        },
        step("Closed"),
    ],
});
