"""Latency figures of the recorded requests: pure functions."""

import math


def percentile(values, fraction):
    """The nearest-rank percentile of `values` (0 < fraction <= 1), or None."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def summarize(samples, seconds):
    """Per request kind: count, throughput, p50/p95 in ms, errors and 5xx.
    `samples` are (kind, seconds taken, HTTP status, error message or None)."""
    kinds = {}
    for kind, elapsed, status, error in samples:
        row = kinds.setdefault(kind, {"times": [], "errors": 0, "5xx": 0})
        row["times"].append(elapsed)
        row["errors"] += bool(error)
        row["5xx"] += status >= 500
    return {
        kind: {
            "count": len(row["times"]),
            "per_second": len(row["times"]) / seconds,
            "p50_ms": percentile(row["times"], 0.5) * 1000,
            "p95_ms": percentile(row["times"], 0.95) * 1000,
            "errors": row["errors"],
            "5xx": row["5xx"],
        }
        for kind, row in sorted(kinds.items())
    }
