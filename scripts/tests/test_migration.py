"""The upgrade from the previous release (18.0.1.0.0): its complaints' remedy
types and compensations become remedy lines, and the review counts their cost.

The previous release is installed from git in a database of its own, given
complaints through `odoo shell`, then upgraded with the code of this checkout."""

import json
import subprocess
import sys
import tempfile
import textwrap
import unittest
from pathlib import Path

import odoo
from odoo.tools import config

ROOT = Path(__file__).resolve().parents[2]
PREVIOUS = "18.0.1.0.0"
MANIFEST = "odoo_iso10002/__manifest__.py"

# In the previous release: a second currency worth half the company's, a
# complaint team, and four complaints. Written as the release's forms did.
BEFORE = """
from odoo import Command
company = env.company
other = env.ref("base.EUR" if company.currency_id.name != "EUR" else "base.USD")
other.active = True
env["res.currency.rate"].create({"currency_id": other.id, "name": "2020-01-01", "rate": 2.0})
team = env["helpdesk.ticket.team"].create({"name": "Migrated", "is_complaint_team": True})
partner = env["res.partner"].create({"name": "Jonas Jonaitis"})
handler = env.ref("base.user_admin")
def ref(name):
    return env.ref("odoo_iso10002.remedy_type_" + name)
def complaint(name, types, amount=0.0, currency=None, decided=None):
    ticket = env["helpdesk.ticket"].create({
        "name": name, "description": "<p>x</p>", "team_id": team.id,
        "partner_id": partner.id, "user_id": handler.id,
        "date_received": "2026-07-01 08:00:00",
    })
    ticket.write({
        "remedy_type_ids": [Command.set([ref(t).id for t in types])],
        "compensation_amount": amount,
        "currency_id": (currency or company.currency_id).id,
        "date_decision_communicated": decided,
    })
    return ticket
paid = complaint("paid", ["apology", "compensation"], 100.0, other, "2026-07-10 09:00:00")
refund = complaint("refund", ["refund"], 30.0)
sorry = complaint("sorry", ["apology"], decided="2026-08-03 09:00:00")
approved = complaint("approved", ["compensation"], 40.0, decided="2026-09-01 09:00:00")
approved.write({"approved_by_id": handler.id, "date_approved": "2026-08-31 09:00:00"})
env.cr.commit()
"""

# After the upgrade: the lines, the costs and the review's figures, as JSON;
# then the migration once more, which must change nothing.
AFTER = """
import datetime, importlib.util, json
complaints = env["helpdesk.ticket"].search([("team_id.name", "=", "Migrated")])
def lines():
    return {
        c.name: [
            [r.remedy_type_id.get_external_id()[r.remedy_type_id.id].split(".remedy_type_")[1],
             r.state, r.amount_currency, r.currency_id == env.company.currency_id, r.amount,
             str(r.date_delivered or ""), r.user_id.login]
            for r in c.remedy_ids
        ]
        for c in complaints
    }
before = lines()
spec = importlib.util.spec_from_file_location("post_migrate", MIGRATION)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
module.migrate(env.cr, "18.0.1.0.0")
env.invalidate_all()
figures = env["iso10002.kpi"]._figures(
    env.company, complaints.team_id, datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)
)
report = env["iso10002.complaint.report"].search([("ticket_id", "in", complaints.ids)])
print("RESULT " + json.dumps({
    "lines": before,
    "again": lines(),
    "refund_carries": env.ref("odoo_iso10002.remedy_type_refund").is_compensation,
    "figures": {f["key"]: f["value"] for f in figures if f["section"] == "remedies"},
    "costs": {r.ticket_id.name: r.remedy_cost for r in report},
    "tags": {c.name: sorted(c.remedy_type_ids.mapped("name")) for c in complaints},
    "approvals": {c.name: [bool(c.approved_by_id), c.approved_amount] for c in complaints},
    "decision_mail": str(
        env.ref("odoo_iso10002.mail_template_complaint_decision")._render_field(
            "body_html", complaints.filtered(lambda c: c.name == "paid").ids
        )[complaints.filtered(lambda c: c.name == "paid").id]
    ),
}))
env.cr.rollback()
"""


def _git(*args):
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()


def previous_release():
    """The tag of the previous release, else the parent of the commit that
    changed the manifest's version from it."""
    if _git("rev-parse", "--verify", "--quiet", f"{PREVIOUS}^{{commit}}"):
        return PREVIOUS
    for commit in _git("log", "--format=%H", "-S", f'"{PREVIOUS}"', "--", MANIFEST).split():
        if f'"{PREVIOUS}"' not in _git("show", f"{commit}:{MANIFEST}"):
            return f"{commit}^"
    raise AssertionError(
        f"Neither the tag {PREVIOUS} nor a commit changing the version from it: "
        "cannot test the upgrade (fetch the tags)."
    )


class TestMigration(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.TemporaryDirectory(prefix="iso10002_migration_")
        cls.addClassCleanup(cls.tmp.cleanup)
        cls.db = f"{config['db_name']}_migration"
        cls.odoo = str(Path(sys.executable).with_name("odoo"))
        cls.core = str(Path(odoo.__file__).resolve().parent / "addons")
        base = str(Path(odoo.__file__).resolve().parents[1] / "addons")
        cls.base_paths = ",".join(dict.fromkeys([base, cls.core]))
        subprocess.run(["dropdb", "--if-exists", cls.db], check=True)
        cls.addClassCleanup(subprocess.run, ["dropdb", "--if-exists", cls.db], check=False)

    def _odoo(self, addons, *args, stdin=None):
        result = subprocess.run(
            [
                self.odoo,
                *args[:1],
                "-c",
                config.rcfile,
                "-d",
                self.db,
                f"--addons-path={self.base_paths},{addons}",
                "--log-level=warn",
                "--no-http",
                *args[1:],
            ],
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
        )
        self.assertEqual(result.returncode, 0, result.stdout[-3000:] + result.stderr[-3000:])
        self.assertNotRegex(result.stderr, r" (ERROR|CRITICAL) ", result.stderr[-3000:])
        return result.stdout

    def test_upgrade_from_previous_release(self):
        old = Path(self.tmp.name, "previous")
        old.mkdir()
        archive = subprocess.run(
            ["git", "archive", previous_release(), "odoo_iso10002"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        run = ("--stop-after-init", "--without-demo=all")
        self._odoo(str(old), "server", "-i", "odoo_iso10002", *run)
        self._odoo(str(old), "shell", stdin=textwrap.dedent(BEFORE))
        self._odoo(str(ROOT), "server", "-u", "odoo_iso10002", *run)
        migration = ROOT / "odoo_iso10002/migrations/18.0.2.0.0/post-migrate.py"
        out = self._odoo(
            str(ROOT), "shell", stdin=f"MIGRATION = {str(migration)!r}\n" + textwrap.dedent(AFTER)
        )
        result = json.loads(out.split("RESULT ", 1)[1].splitlines()[0])

        # the amount on the line of the type carrying one; delivered when the
        # decision was communicated, by the complaint's handler
        self.assertEqual(
            result["lines"],
            {
                "paid": [
                    # in the complaint's currency, like its compensation
                    ["apology", "delivered", 0.0, False, 0.0, "2026-07-10 09:00:00", "admin"],
                    [
                        "compensation",
                        "delivered",
                        100.0,
                        False,
                        50.0,
                        "2026-07-10 09:00:00",
                        "admin",
                    ],
                ],
                # refunds carried no amount: the compensation gets a line of its own
                "refund": [
                    ["refund", "planned", 0.0, True, 0.0, "", "admin"],
                    ["compensation", "planned", 30.0, True, 30.0, "", "admin"],
                ],
                "sorry": [["apology", "delivered", 0.0, True, 0.0, "2026-08-03 09:00:00", "admin"]],
                "approved": [
                    ["compensation", "delivered", 40.0, True, 40.0, "2026-09-01 09:00:00", "admin"]
                ],
            },
        )
        self.assertEqual(result["again"], result["lines"])
        self.assertTrue(result["refund_carries"])
        self.assertEqual(
            result["costs"], {"paid": 50.0, "refund": 30.0, "sorry": 0.0, "approved": 40.0}
        )
        # the remedy tags stay what they were
        self.assertEqual(
            result["tags"],
            {
                "paid": ["Apology", "Compensation"],
                "refund": ["Compensation", "Refund"],
                "sorry": ["Apology"],
                "approved": ["Compensation"],
            },
        )
        # what a manager approved stays approved, for the cost now computed
        self.assertEqual(result["approvals"]["approved"], [True, 40.0])
        # the decision mail, an editable template, was reloaded: it lists the lines
        self.assertIn("Compensation", result["decision_mail"])
        self.assertNotIn("compensation_amount", result["decision_mail"])
        figures = result["figures"]
        self.assertEqual(figures["remedy_cost"], 90.0)
        self.assertEqual(figures["remedies_delivered"], 4)
        self.assertEqual(figures["remedy_delivery_days"], 0.0)
        self.assertEqual(figures["remedies_overdue"], 0)
