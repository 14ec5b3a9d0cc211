"""Screenshots of the running demo for the README, taken in headless Chromium.

Usage: .venv/bin/python scripts/screenshots.py [BASE_URL]   (make demo running)
Logs in as admin through the login form, then saves one PNG per page below.
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
# name: (path, element to click once loaded or None, element that shows it is ready)
PAGES = {
    "complaints-kanban": ("/odoo/complaints", None, VIEW),
    "complaint-form": ("/odoo/complaints", ".o_kanban_record", ".o_form_view .o_statusbar_status"),
    "iso-stages": ("/odoo/complaint-stages", None, VIEW),
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
        browser.open(f"{base}/web/login", "input[name=login]", settle=0)
        browser.run(
            "document.querySelector('input[name=login]').value = 'admin';"
            "document.querySelector('input[name=password]').value = 'admin';"
            "document.querySelector('form.oe_login_form').submit();"
        )
        time.sleep(2)
        for name, (path, click, ready) in PAGES.items():
            browser.open(f"{base}{path}", VIEW if click else ready)
            if click:
                browser.run(f"document.querySelector({json.dumps(click)}).click()")
                browser.wait_for(ready)
            browser.screenshot(OUT / f"{name}.png")
            print(OUT / f"{name}.png")
    finally:
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
