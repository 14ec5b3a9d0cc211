"""The bench's pure parts: how a result reads in the table, where queries go."""

import unittest

from scripts.bench.profile import Profile, shorten
from scripts.bench.row import Row


class TestRow(unittest.TestCase):
    def test_target_met_and_missed(self):
        met = Row("list", "List", 0.170, 17, target=(200.0, "ms"))
        self.assertEqual(
            (met.figure(), met.target_text(), met.verdict()), ("170 ms", "< 200 ms", "✅")
        )
        missed = Row("cron", "Cron", 21.9, 31141, target=(2.0, "s"), unit="s")
        self.assertEqual((missed.figure(), missed.queries_text()), ("21.90 s", "31,141"))
        self.assertEqual(missed.verdict(), "❌ ×10.9")

    def test_ratio_and_per_record(self):
        ratio = Row("intake_ratio", "Ratio", 3.2, 2.9, target=(1.3, "ratio"), unit="ratio")
        self.assertEqual(
            (ratio.figure(), ratio.queries_text(), ratio.target_text()), ("3.20×", "2.9×", "≤ 1.3×")
        )
        self.assertEqual(
            Row("intake", "Intake", 0.0236, 29, unit="ms/record").figure(), "23.6 ms/record"
        )

    def test_not_measured(self):
        row = Row("pivot", "Pivot", note="n/a (model not installed)")
        self.assertEqual(
            (row.figure(), row.verdict(), row.missed()), ("n/a (model not installed)", "—", None)
        )


class TestProfile(unittest.TestCase):
    def test_queries_by_concern(self):
        profile = Profile()
        profile.add('SELECT "mail_message"."id" FROM "mail_message" WHERE 1', [], 0.002)
        profile.add('INSERT INTO "helpdesk_ticket" ("name") VALUES (%s)', ["x"], 0.001)
        profile.add('INSERT INTO "helpdesk_ticket" ("name") VALUES (%s)', ["y"], 0.003)
        self.assertEqual(
            profile.families(per=2),
            {"mail, chatter and notifications": 0.5, "the ticket itself": 1.0},
        )
        self.assertEqual(profile.slowest(count=1)[0][2], ["y"])  # the last parameters

    def test_statement_on_one_line(self):
        # the ORM's long column list goes, and with it the table prefixes
        columns = ", ".join(
            f'"t"."{name}"'
            for name in ("id", "name", "stage_id", "team_id", "user_id", "partner_id")
        )
        code = f'SELECT {columns}\n  FROM "helpdesk_ticket" t WHERE "t"."id" = 1'
        self.assertEqual(shorten(code), "SELECT … FROM helpdesk_ticket t WHERE id = 1")
