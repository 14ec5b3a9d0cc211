"""The demo generator's pure parts: office hours, dates as eval text, XML
records, and a simulated history that is in order."""

import random
import unittest
from datetime import timedelta

from scripts.demo.clock import TODAY, at, is_open, office_time
from scripts.demo.company import ISO_STEPS
from scripts.demo.simulate import simulate
from scripts.demo.writer import Writer, when


class TestDemo(unittest.TestCase):
    def test_office_time_is_later_and_open(self):
        rng = random.Random(1)
        for hours in range(0, 24 * 14, 5):
            after = at(30, 0) + timedelta(hours=hours, minutes=7)
            for days in (0, 1, 3):
                moment = office_time(rng, after, days)
                self.assertGreater(moment, after)
                self.assertTrue(is_open(moment), moment)

    def test_dates_relative_to_the_install_week(self):
        self.assertEqual(
            when(at(3, 9, 30)),
            "DateTime.now() + relativedelta(days=-DateTime.now().weekday() - 3, "
            "hour=9, minute=30, second=0, microsecond=0)",
        )

    def test_record_escapes_text(self):
        out = Writer()
        out.record("x_demo", "res.partner", [("name", "char", "A & B"), ("note", "html", "<b>")])
        self.assertEqual(
            out.lines[1:],
            [
                '    <record id="x_demo" model="res.partner">',
                '        <field name="name">A &amp; B</field>',
                '        <field name="note" type="html"><p>&lt;b&gt;</p></field>',
                "    </record>",
            ],
        )

    def test_history_in_order_before_the_install(self):
        _customers, complaints = simulate()
        self.assertEqual({c.step for c in complaints}, set(ISO_STEPS))
        for c in complaints:
            entered = [c.received] + [c.dates[step] for step in ISO_STEPS if step in c.dates]
            self.assertEqual(entered, sorted(entered), c.xmlid)
            self.assertLess(entered[-1], TODAY, c.xmlid)
