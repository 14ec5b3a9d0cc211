import {registry} from "@web/core/registry";

const decisionTab = {
    content: "Open the Response & Decision tab",
    trigger: ".o_notebook_headers a.nav-link:contains(Response)",
    run: "click",
};
const remedyState = (state) => ({
    content: `The refund is ${state}`,
    trigger: `.o_form_saved .o_field_widget[name=remedy_ids] .o_data_row td[name=state]:contains(${state})`,
});

// A handler, without accounting rights, decides to refund the complainant.
registry.category("web_tour.tours").add("odoo_iso10002_account_handler_decides_refund", {
    steps: () => [
        decisionTab,
        {
            content: "No invoices for a handler without accounting rights",
            trigger: ".o_form_view:not(:has(.o_field_widget[name=invoice_ids]))",
        },
        {trigger: ".o_field_widget[name=remedy_ids] .o_field_x2many_list_row_add a", run: "click"},
        {trigger: ".o_data_row .o_field_widget[name=remedy_type_id] input", run: "edit Refund"},
        {trigger: ".o-autocomplete--dropdown-item:contains(Refund)", run: "click"},
        {trigger: ".o_data_row .o_field_widget[name=name] input", run: "edit Broken lamp"},
        {trigger: ".o_form_button_save", run: "click"},
        remedyState("Planned"),
    ],
});

// An accountant links the invoice, refunds it with Odoo's credit-note wizard
// and posts the credit note: the complaint shows the refund delivered.
registry.category("web_tour.tours").add("odoo_iso10002_account_accountant_refunds", {
    steps: () => [
        decisionTab,
        {trigger: ".o_field_widget[name=invoice_ids] input", run: "edit INV"},
        {trigger: ".o-autocomplete--dropdown-item a:contains(INV/)", run: "click"},
        {trigger: ".o_field_widget[name=invoice_ids] .o_tag:contains(INV/)"},
        {trigger: ".o_form_button_save", run: "click"},
        {trigger: ".o_form_saved button[name=action_iso_refund]", run: "click"},
        {content: "Odoo's credit-note wizard: Reverse", trigger: ".modal button[name=refund_moves]", run: "click"},
        {trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Draft)"},
        {content: "Post the credit note", trigger: ".o_form_view button[name=action_post]", run: "click"},
        {trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Posted)"},
        {
            content: "Back to the complaint from the credit note",
            trigger: "button[name=action_iso10002_open_complaints]",
            run: "click",
        },
        decisionTab,
        remedyState("Delivered"),
    ],
});
