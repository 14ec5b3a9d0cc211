"""The pure logic of scripts/load/: percentiles, statement kinds and the
"nothing lost" checks over given rows."""

import unittest

from scripts.load import checks, stats
from scripts.load.statements import classify


def cluster(writes=0, reads=10, rows=0):
    return {
        "database": {"tup_inserted": rows, "tup_updated": 0, "tup_deleted": 0},
        "statements": {"read": reads, "write": writes, "other": 0},
    }


class TestLoadFigures(unittest.TestCase):
    def test_percentile_is_the_nearest_rank(self):
        values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]
        self.assertEqual(stats.percentile(values, 0.5), 5)
        self.assertEqual(stats.percentile(values, 0.95), 10)
        self.assertEqual(stats.percentile([7], 0.95), 7)
        self.assertIsNone(stats.percentile([], 0.5))

    def test_summary_per_kind(self):
        samples = [("a", 0.1, 200, None), ("a", 0.3, 502, "HTTP 502"), ("b", 0.2, 200, "refused")]
        summary = stats.summarize(samples, seconds=2)
        self.assertEqual(summary["a"]["count"], 2)
        self.assertEqual(summary["a"]["per_second"], 1)
        self.assertEqual((summary["a"]["errors"], summary["a"]["5xx"]), (1, 1))
        self.assertEqual((summary["b"]["errors"], summary["b"]["5xx"]), (1, 0))
        self.assertEqual(checks.check_responses(summary), ["1 a requests answered 5xx"])

    def test_statement_kinds(self):
        self.assertEqual(classify("SELECT 1"), "read")
        self.assertEqual(classify(' /* odoo */ (SELECT "id" FROM t) UNION (SELECT 2)'), "read")
        self.assertEqual(classify("WITH x AS (SELECT 1) SELECT * FROM x"), "read")
        self.assertEqual(classify("WITH x AS (DELETE FROM t RETURNING id) SELECT 1"), "write")
        self.assertEqual(classify('INSERT INTO "t" VALUES (1)'), "write")
        self.assertEqual(classify("update t set a = 1"), "write")
        self.assertEqual(classify("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"), "other")


class TestNothingLost(unittest.TestCase):
    def test_every_answer_has_one_complaint(self):
        self.assertEqual(checks.check_submissions(["C1", "C2"], [("C1", "x"), ("C2", "y")]), [])

    def test_lost_doubled_and_unanswered_complaints(self):
        problems = checks.check_submissions(
            ["C1", "C2", "C2", "C3"], [("C1", "x"), ("C1", "x"), ("C2", "y"), ("C4", "z")]
        )
        self.assertEqual(
            problems,
            [
                "reference C1 has 2 complaints",
                "reference C2 answered to 2 submissions",
                "reference C3 has 0 complaints",
                "complaint C4 (z) was never answered",
            ],
        )

    def test_escalation_once_per_rule_and_level(self):
        self.assertEqual(checks.check_escalations([(1, 1, 1), (1, 1, 2), (2, 1, 1)]), [])
        self.assertEqual(
            checks.check_escalations([(1, 1, 1), (1, 1, 1)]),
            ["complaint 1 escalated 2 times by rule 1 at level 1"],
        )

    def test_the_replica_reads_and_never_writes(self):
        self.assertEqual(checks.check_replica(cluster(), cluster(writes=5)), [])
        self.assertEqual(
            checks.check_replica(cluster(writes=1, reads=0, rows=3), cluster(writes=5)),
            [
                "the replica counts 3 rows written",
                "the replica ran 1 writing statements",
                "the replica served no read",
            ],
        )
