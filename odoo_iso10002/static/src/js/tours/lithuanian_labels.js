import {registry} from "@web/core/registry";

// Lithuanian screens show no English label. The test passes the English
// source strings of the loaded catalogs (those whose Lithuanian differs) as
// window.odooIso10002EnglishLabels = {exact: [...], patterns: [...]}.

// Data, not labels: what people wrote (messages, html fields) and who wrote it.
const DATA = ".o-mail-Message-body, .o-mail-Message-author, .o_field_html";

function normalize(text) {
    return text.replace(/\s+/g, " ").trim().replace(/\s*:$/, "");
}

function isVisible(element) {
    return Boolean(element.getClientRects().length) && getComputedStyle(element).visibility !== "hidden";
}

function visibleTexts() {
    const texts = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest("script, style, template, " + DATA) || !isVisible(parent)) {
            continue;
        }
        texts.add(normalize(node.textContent));
    }
    for (const element of document.body.querySelectorAll("[placeholder], [title], [data-tooltip]")) {
        if (element.closest(DATA) || !isVisible(element)) {
            continue;
        }
        for (const attribute of ["placeholder", "title", "data-tooltip"]) {
            if (element.getAttribute(attribute)) {
                texts.add(normalize(element.getAttribute(attribute)));
            }
        }
    }
    texts.delete("");
    return texts;
}

let catalog = null;

function englishLabels() {
    if (!catalog) {
        const {exact, patterns} = window.odooIso10002EnglishLabels;
        catalog = {exact: new Set(exact), patterns: patterns.map((source) => new RegExp(source))};
    }
    return [...visibleTexts()].filter(
        (text) => catalog.exact.has(text) || catalog.patterns.some((pattern) => pattern.test(text))
    );
}

// Every screen is checked; the last step reports each English label found,
// with the first screen that showed it.
const found = new Map();

function record(screen) {
    englishLabels()
        .filter((text) => !found.has(text))
        .forEach((text) => found.set(text, screen));
}

function checkLithuanian(screen) {
    return {
        content: `Look for English labels on ${screen}`,
        trigger: "body",
        run() {
            record(screen);
        },
    };
}

const noEnglishLabel = {
    content: "No English label on any screen",
    trigger: "body",
    run() {
        if (found.size) {
            const labels = [...found].map(([text, screen]) => `${text} (${screen})`);
            throw new Error(`${found.size} English labels: ${JSON.stringify(labels.sort())}`);
        }
    },
};

async function nextFrames() {
    for (let frame = 0; frame < 3; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
    }
}

// Every notebook tab of the open form, one after the other.
const allTabs = (screen) => ({
    content: `Look for English labels on every tab of ${screen}`,
    trigger: ".o_form_view .o_notebook_headers a.nav-link",
    async run() {
        for (const link of document.querySelectorAll(".o_form_view .o_notebook_headers a.nav-link")) {
            link.click();
            while (!link.classList.contains("active")) {
                await nextFrames();
            }
            await nextFrames();
            record(`${screen}, tab ${link.textContent.trim()}`);
        }
    },
});

const searchPanel = (screen) => [
    {trigger: ".o_searchview_dropdown_toggler", run: "click"},
    {trigger: ".o_filter_menu .o_menu_item"},
    {trigger: ".o_group_by_menu .o_menu_item"},
    checkLithuanian(`the search panel of ${screen}`),
    {trigger: ".o_searchview_dropdown_toggler", run: "click"},
];

// A handler: complaints kanban, search panel, list and the complaint form.
registry.category("web_tour.tours").add("odoo_iso10002_lithuanian_complaints", {
    steps: () => [
        {trigger: ".o_kanban_view .o_kanban_record"},
        checkLithuanian("the complaints kanban"),
        ...searchPanel("complaints"),
        {trigger: ".o_switch_view.o_list", run: "click"},
        {trigger: ".o_list_view .o_data_row"},
        checkLithuanian("the complaints list"),
        {trigger: ".o_data_row .o_data_cell[name=name]", run: "click"},
        {trigger: ".o_form_view .o_form_saved"},
        checkLithuanian("the complaint form"),
        allTabs("the complaint form"),
        noEnglishLabel,
    ],
});

// A manager or auditor: the complaints analysis (graph and pivot).
registry.category("web_tour.tours").add("odoo_iso10002_lithuanian_analysis", {
    steps: () => [
        {trigger: ".o_graph_view .o_graph_canvas_container canvas"},
        checkLithuanian("the complaints analysis graph"),
        ...searchPanel("the complaints analysis"),
        {trigger: ".o_switch_view.o_pivot", run: "click"},
        {trigger: ".o_pivot_view .o_pivot table"},
        checkLithuanian("the complaints analysis pivot"),
        noEnglishLabel,
    ],
});

// A manager: the management reviews and a review's form.
registry.category("web_tour.tours").add("odoo_iso10002_lithuanian_review", {
    steps: () => [
        {trigger: ".o_list_view .o_data_row"},
        checkLithuanian("the management reviews"),
        {trigger: ".o_data_row .o_data_cell", run: "click"},
        {trigger: ".o_form_view .o_form_saved"},
        checkLithuanian("the management review form"),
        allTabs("the management review form"),
        noEnglishLabel,
    ],
});

// Any page as it is: portal pages and the public complaint form.
registry.category("web_tour.tours").add("odoo_iso10002_lithuanian_page", {
    steps: () => [checkLithuanian(window.location.pathname), noEnglishLabel],
});
