import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("odoo_iso10002_handler_registers_complaint", {
    steps: () => [
        {
            content: "Register a new complaint from the complaints kanban",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            content: "The unsaved complaint is named as such, not '/ - False'",
            trigger: ".o_breadcrumb .active:contains(New complaint)",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Lamp arrived broken",
        },
        {
            trigger: ".o_field_widget[name=description] .odoo-editor-editable",
            run: "editor The glass shade was shattered in the box.",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The complaint has its own reference",
            trigger: ".o_form_saved .o_field_widget[name=number]:contains(CMP/)",
        },
        {
            trigger: ".o_field_widget[name=iso_step]:contains(Received)",
        },
    ],
});
