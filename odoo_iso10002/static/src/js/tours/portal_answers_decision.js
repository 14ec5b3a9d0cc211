import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("odoo_iso10002_portal_answers_decision", {
    steps: () => [
        {
            content: "The customer reads the decision on their complaint",
            trigger: "#complaint_accept_form",
        },
        {
            trigger: "#complaint_accept_form button[type=submit]",
            run: "click",
        },
        {
            content: "Their answer is recorded",
            trigger: "#complaint_your_answer:contains(Accepted)",
        },
    ],
});
