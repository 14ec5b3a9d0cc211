"""The "nothing lost" checks of a load run over the rows read back from the
database, as pure functions returning the problems found."""

import collections


def check_submissions(answered, tickets):
    """`answered`: the references the form's thanks page gave; `tickets`:
    (reference, subject) of the complaints the run's submissions created.
    Every answer has exactly one complaint, and every complaint its answer."""
    problems = []
    given = collections.Counter(answered)
    stored = collections.Counter(reference for reference, _subject in tickets)
    for reference, count in sorted(given.items()):
        if count > 1:
            problems.append(f"reference {reference} answered to {count} submissions")
        if stored[reference] != 1:
            problems.append(f"reference {reference} has {stored[reference]} complaints")
    for reference, subject in sorted(tickets):
        if reference not in given:
            problems.append(f"complaint {reference} ({subject}) was never answered")
    return problems


def check_escalations(rows):
    """`rows`: (ticket id, rule id, level) of every escalation log."""
    counts = collections.Counter(rows)
    return [
        f"complaint {ticket} escalated {count} times by rule {rule} at level {level}"
        for (ticket, rule, level), count in sorted(counts.items())
        if count > 1
    ]


def check_responses(summary):
    """`summary`: stats.summarize's figures; no request may end in a 5xx."""
    return [
        f"{row['5xx']} {kind} requests answered 5xx" for kind, row in summary.items() if row["5xx"]
    ]


def check_replica(replica, primary):
    """`replica`, `primary`: clusters.read's figures. The replica served
    reads and received no write."""
    problems = []
    writes = sum(replica["database"][key] for key in ("tup_inserted", "tup_updated", "tup_deleted"))
    if writes:
        problems.append(f"the replica counts {writes} rows written")
    if replica["statements"]["write"]:
        problems.append(f"the replica ran {replica['statements']['write']} writing statements")
    if not replica["statements"]["read"]:
        problems.append("the replica served no read")
    if not primary["statements"]["write"]:
        problems.append("the primary ran no writing statement: did the load run?")
    return problems
