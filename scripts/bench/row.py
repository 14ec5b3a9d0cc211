"""One line of the results table."""


class Row:
    """One line of the table: a figure, its queries, its target."""

    def __init__(
        self,
        key,
        measure,
        seconds=None,
        queries=None,
        target=None,
        unit="ms",
        note=None,
        profile=None,
    ):
        self.key = key  # the same at every size, to compare runs
        self.measure = measure
        self.seconds = seconds
        self.queries = queries
        self.target = target  # (value, unit): unit "ratio", "s" or "ms"
        self.unit = unit
        self.note = note
        self.profile = profile  # the statements of one run

    def figure(self):
        if self.seconds is None:
            return self.note or "n/a"
        if self.unit == "ratio":
            return f"{self.seconds:.2f}×"
        if self.unit == "s":
            return f"{self.seconds:.2f} s"
        if self.unit == "ms/record":
            return f"{self.seconds * 1000:.1f} ms/record"
        return f"{self.seconds * 1000:.0f} ms"

    def queries_text(self):
        if self.queries is None:
            return "—"
        if self.unit == "ratio":
            return f"{self.queries:.1f}×"
        if isinstance(self.queries, float) and not self.queries.is_integer():
            return f"{self.queries:.1f}"
        return f"{int(self.queries):,}"

    def target_text(self):
        if not self.target:
            return "—"
        value, unit = self.target
        if unit == "ratio":
            return f"≤ {value:g}×"
        if unit == "s":
            return f"< {value:g} s"
        return f"< {value:g} ms"

    def missed(self):
        """The factor by which the target is missed, None when it is met or unset."""
        if not self.target or self.seconds is None:
            return None
        value, unit = self.target
        figure = {"ratio": self.seconds, "s": self.seconds, "ms": self.seconds * 1000}[unit]
        return figure / value if figure > value else None

    def verdict(self):
        if not self.target or self.seconds is None:
            return "—"
        missed = self.missed()
        return f"❌ ×{missed:.1f}" if missed else "✅"

    def as_dict(self):
        return {
            "key": self.key,
            "measure": self.measure,
            "seconds": self.seconds,
            "queries": self.queries,
            "figure": self.figure(),
            "target": self.target_text(),
            "verdict": self.verdict(),
        }
