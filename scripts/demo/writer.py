"""Odoo data XML, line by line: records, function calls, and dates as eval text
relative to the install."""

from xml.sax.saxutils import escape, quoteattr

from .clock import TODAY


def when(moment, month_start=None):
    """Eval text for `moment`, relative to the Monday of the install's week, so
    that weekdays are known and working time is counted as the company's
    calendar does; or, for the oldest month, relative to the first Monday of
    the calendar month 11 months before the install's (`month_start`), so
    that the history covers 12 calendar months."""
    at_time = f"hour={moment.hour}, minute={moment.minute}, second=0, microsecond=0"
    if month_start:
        days = (moment.date() - month_start.date()).days
        return (
            f"DateTime.now() + relativedelta(months=-11, day=1, weekday=0, {at_time})"
            f" + timedelta(days={days})"
        )
    days = (TODAY.date() - moment.date()).days
    assert days >= 1, moment
    return f"DateTime.now() + relativedelta(days=-DateTime.now().weekday() - {days}, {at_time})"


def refs(xmlids):
    return "[" + ", ".join(f"ref('{xmlid}')" for xmlid in xmlids) + "]"


class Writer:
    def __init__(self):
        self.lines = ['<?xml version="1.0" encoding="UTF-8" ?>']

    def add(self, text="", indent=1):
        self.lines.append("    " * indent + text if text else "")

    def record(self, xmlid, model, values):
        """values: [(field, kind, value)], kind one of char, eval, ref, html, or
        a model name: eval with `obj` browsing that model."""
        self.add(f'<record id="{xmlid}" model="{model}">')
        for name, kind, value in values:
            if kind == "ref":
                self.add(f'<field name="{name}" ref="{value}" />', 2)
            elif kind == "eval":
                self.add(f'<field name="{name}" eval={quoteattr(value)} />', 2)
            elif "." in kind:
                self.add(f'<field name="{name}" model="{kind}" eval={quoteattr(value)} />', 2)
            elif kind == "html":
                self.add(f'<field name="{name}" type="html"><p>{escape(value)}</p></field>', 2)
            else:
                self.add(f'<field name="{name}">{escape(value)}</field>', 2)
        self.add("</record>")

    def function(self, model, method, eval_text):
        self.add(f'<function model="{model}" name="{method}" eval={quoteattr(eval_text)} />')
