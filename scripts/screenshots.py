"""Screenshots of the running demo for the README, taken in headless Chromium.

Usage: .venv/bin/python scripts/screenshots.py [BASE_URL]   (make demo running)
Saves the public pages as a visitor, then logs in as admin through the login
form and saves one PNG per page below; the pages of LITHUANIAN_PAGES in
Lithuanian (the language is installed if missing, admin's own put back).
"""

import base64
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

VIEW = ".o_action_manager .o_view_controller"
FORM = ".o_form_view .o_statusbar_status"
# Pages of the public site, shown to a visitor who is not logged in.
PUBLIC_PAGES = {
    "public-complaint-form": ("/complaints/new", "form[action='/complaints/submit']"),
}
# name: (path, or a record given as (model, domain, path of its form); tab to
#        click or None; element that shows the page is ready)
PAGES = {
    "complaints-kanban": ("/odoo/complaints", None, VIEW),
    "complaint-form": (
        (
            "helpdesk.ticket",
            [("name", "=", "Chair collapsed, employee injured")],
            "/odoo/complaints",
        ),
        "Assessment",
        FORM,
    ),
    "complaint-decision": (
        ("helpdesk.ticket", [("name", "=", "Desk top cracked on delivery")], "/odoo/complaints"),
        "Response",
        FORM,
    ),
    "complaint-deadlines": (
        ("helpdesk.ticket", [("name", "=", "Desk top cracked on delivery")], "/odoo/complaints"),
        "Deadlines",
        FORM,
    ),
    "complaint-satisfaction": (
        ("helpdesk.ticket", [("name", "=", "Refund took six weeks")], "/odoo/complaints"),
        "Closing",
        FORM,
    ),
    "portal-decision": (
        ("helpdesk.ticket", [("name", "=", "Invoiced twice for the same order")], "/my/ticket"),
        None,
        "#wrap",
    ),
    "crm-opportunity": (
        (
            "crm.lead",
            [("partner_id.name", "=", "Gemini Furniture"), ("type", "=", "opportunity")],
            "/odoo/crm",
        ),
        None,
        FORM,
    ),
    "complaints-analysis": ("/odoo/complaints-analysis", None, ".o_graph_renderer canvas"),
    "management-review": (
        ("iso10002.management.review", [("state", "=", "done")], "/odoo/complaint-reviews"),
        None,
        FORM,
    ),
    "iso-stages": ("/odoo/complaint-stages", None, VIEW),
    "escalation-rules": ("/odoo/complaint-escalation-rules", None, VIEW),
    "settings": ("/odoo/settings#odoo_iso10002", None, ".o_setting_container"),
}
# name: (path, element that shows the page is ready), seen in Lithuanian
LITHUANIAN_PAGES = {
    "complaints-dashboard": ("/odoo/dashboards", ".o-spreadsheet .o-figure canvas"),
}
# name: (model, domain, report): the first page of a printed PDF, as PNG
PDF_PAGES = {
    "management-review-pdf": (
        "iso10002.management.review",
        [("state", "=", "done")],
        "odoo_iso10002.report_management_review",
    ),
}
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


class Browser:
    def __init__(self, port=9333):
        self.profile = tempfile.mkdtemp(prefix="iso10002-chromium-")
        self.process = subprocess.Popen(
            [
                shutil.which("chromium") or "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={self.profile}",
                f"--remote-debugging-port={port}",
                "--window-size=1400,900",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=2) as r:
                    target = next(t for t in json.load(r) if t["type"] == "page")
                break
            except OSError:
                time.sleep(0.2)
        self.ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                return message.get("result", {})

    def run(self, expression):
        return self.call("Runtime.evaluate", expression=expression, awaitPromise=True)

    def open(self, url, ready_selector, settle=1.5):
        self.call("Page.navigate", url=url)
        self.wait_for(ready_selector, settle)

    def wait_for(self, selector, settle=1.5):
        for _ in range(100):
            found = self.run(f"!!document.querySelector({json.dumps(selector)})")
            if found.get("result", {}).get("value"):
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"{selector} never appeared")
        time.sleep(settle)

    def call_kw(self, model, method, args, **kwargs):
        """The result of a model method, called with the browser's session."""
        call = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs},
        }
        result = self.call(
            "Runtime.evaluate",
            expression="fetch('/web/dataset/call_kw', {method: 'POST', headers: "
            "{'Content-Type': 'application/json'}, body: "
            f"JSON.stringify({json.dumps(call)})}}).then(r => r.json()).then(r => r.result)",
            awaitPromise=True,
            returnByValue=True,
        )
        return result["result"].get("value")

    def record_id(self, model, domain):
        """Id of the first demo record matching `domain`, asked of the server."""
        return self.call_kw(model, "search", [domain], limit=1)[0]

    def set_language(self, code):
        """Installs the language ``code`` if needed and makes it admin's;
        returns admin's language before."""
        lang = self.call_kw(
            "res.lang", "search", [[("code", "=", code)]], context={"active_test": False}
        )
        wizard = self.call_kw("base.language.install", "create", [{"lang_ids": [[6, 0, lang]]}])
        self.call_kw("base.language.install", "lang_install", [[wizard]])
        uid = self.record_id("res.users", [("login", "=", "admin")])
        before = self.call_kw("res.users", "read", [[uid], ["lang"]])[0]["lang"]
        self.call_kw("res.users", "write", [[uid], {"lang": code}])
        return before

    def download(self, path):
        """Bytes of a URL fetched with the browser's session."""
        result = self.run(
            f"fetch({json.dumps(path)}).then(r => r.arrayBuffer()).then(b => {{"
            "let s = ''; const a = new Uint8Array(b);"
            "for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);"
            "return btoa(s); })"
        )
        return base64.b64decode(result["result"]["value"])

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def main(base="http://localhost:8069"):
    OUT.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    try:
        for name, (path, ready) in PUBLIC_PAGES.items():
            browser.open(f"{base}{path}", ready)
            browser.screenshot(OUT / f"{name}.png")
            print(OUT / f"{name}.png")
        browser.open(f"{base}/web/login", "input[name=login]", settle=0)
        browser.run(
            "document.querySelector('input[name=login]').value = 'admin';"
            "document.querySelector('input[name=password]').value = 'admin';"
            "document.querySelector('form.oe_login_form').submit();"
        )
        time.sleep(2)
        for name, (target, tab, ready) in PAGES.items():
            path = target
            if not isinstance(target, str):
                model, domain, prefix = target
                path = f"{prefix}/{browser.record_id(model, domain)}"
            browser.open(f"{base}{path}", ready)
            if tab:
                browser.run(
                    "[...document.querySelectorAll('.o_notebook_headers a.nav-link')]"
                    f".find(a => a.textContent.includes({json.dumps(tab)})).click()"
                )
                time.sleep(1)
            browser.screenshot(OUT / f"{name}.png")
            print(OUT / f"{name}.png")
        before = browser.set_language("lt_LT")
        try:
            for name, (path, ready) in LITHUANIAN_PAGES.items():
                browser.open(f"{base}{path}", ready, settle=3)
                browser.screenshot(OUT / f"{name}.png")
                print(OUT / f"{name}.png")
        finally:
            uid = browser.record_id("res.users", [("login", "=", "admin")])
            browser.call_kw("res.users", "write", [[uid], {"lang": before}])
        for name, (model, domain, report) in PDF_PAGES.items():
            pdf = browser.download(f"/report/pdf/{report}/{browser.record_id(model, domain)}")
            with tempfile.TemporaryDirectory() as tmp:
                (Path(tmp) / "report.pdf").write_bytes(pdf)
                subprocess.run(
                    [
                        "pdftoppm",
                        "-png",
                        "-r",
                        "80",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        "-singlefile",
                        "report.pdf",
                        "page",
                    ],
                    cwd=tmp,
                    check=True,
                )
                shutil.copy(Path(tmp) / "page.png", OUT / f"{name}.png")
            print(OUT / f"{name}.png")
    finally:
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
