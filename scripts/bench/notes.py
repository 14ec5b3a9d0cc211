"""The notes under the table: what the figures say, and why a target is missed."""

from .profile import families_text, slowest_text
from .settings import INTAKE_RECORDS, TARGET_CRON_S, TARGET_INTAKE_RATIO


def notes(bench):
    """What the figures say, and why a target is missed."""
    facts, text = bench.facts, []
    scans = facts.get("scans", {})
    if "intake" in facts:
        per, profiles = facts["intake"], facts["intake_profiles"]
        (plain, plain_q), (complaint, complaint_q) = per["plain"], per["complaint"]
        no_ack, no_ack_q = per["complaint_no_ack"]
        ratio = complaint / plain
        mails = facts["intake_mails"].get("complaint", 0)
        ack, ack_q = facts["intake_cron"]["per"]
        text.append(
            f"- **Intake** {'meets' if ratio <= TARGET_INTAKE_RATIO else 'misses'} the "
            f"{TARGET_INTAKE_RATIO:g}× target: a complaint takes {complaint * 1000:.0f} ms and "
            f"{complaint_q:.0f} queries, a plain ticket {plain * 1000:.0f} ms and "
            f"{plain_q:.0f} ({ratio:.2f}×). The complaint does work a plain ticket does not: "
            "it wakes the acknowledgement cron, which acknowledges it after the commit "
            f"({mails:,} e-mails queued for {INTAKE_RECORDS:,} complaints: the stage move with "
            "its tracking, the template rendered, the message posted, the e-mail queued; "
            f"{ack * 1000:.0f} ms and {ack_q:.0f} queries a complaint, outside the request) — "
            f"with automatic acknowledgement off a complaint takes {no_ack * 1000:.0f} ms and "
            f"{no_ack_q:.0f} queries ({no_ack / plain:.2f}×) — and "
            "it gets a complaint reference, a priority from the matrix, three deadlines "
            "planned on the working calendar and a repeat-complaint search. Its extra "
            f"queries go to: {families_text(facts['intake_families'], '+')}. SQL takes "
            f"{profiles['complaint'].sql / INTAKE_RECORDS * 1000:.0f} ms of a complaint, "
            f"{profiles['plain'].sql / INTAKE_RECORDS * 1000:.0f} ms of a plain ticket; the "
            "slowest statements per complaint: "
            f"{slowest_text(profiles['complaint'], scans, INTAKE_RECORDS)}; per plain ticket: "
            f"{slowest_text(profiles['plain'], scans, INTAKE_RECORDS)}."
        )
    runs = facts.get("escalation", [])
    due = [run for run in runs if run["escalated"]]
    idle = [run for run in runs if not run["escalated"]]
    if due and idle:
        run, quiet = max(due, key=lambda r: r["open"]), max(idle, key=lambda r: r["open"])
        escalated, profile = run["escalated"], run["profile"]
        per_ms = (run["seconds"] - quiet["seconds"]) / escalated * 1000
        mails = sum(
            count
            for code, (count, _seconds, _params) in profile.statements.items()
            if code.startswith('INSERT INTO "mail_mail"')
        )
        hourly = facts["escalations_30_days"] / (30 * 24)
        text.append(
            f"- **Escalation cron** {'meets' if run['seconds'] < TARGET_CRON_S else 'misses'} "
            f"the {TARGET_CRON_S:g} s target with {escalated:,} complaints due "
            f"({run['seconds']:.1f} s, of which SQL {profile.sql:.1f} s). With nothing due it "
            f"takes {quiet['seconds'] * 1000:.0f} ms and {quiet['queries']} queries over "
            f"{quiet['open']:,} open complaints: finding what is due is a few indexed "
            "searches. The time goes into escalating, about "
            f"{per_ms:.0f} ms and {(run['queries'] - quiet['queries']) / escalated:.0f} queries "
            f"per complaint: {families_text(profile.families(per=escalated))} — the log line, "
            "the level written with its tracking message, a note mentioning the team leader "
            f"and a to-do assigned to them (e-mails queued per complaint: {mails / escalated:.0f}; "
            "the team leader is notified by e-mail). It grows with the number "
            "escalated, not with the number of complaints. In this data set the rules "
            f"escalated {facts['escalations_30_days']:,} complaints over the last 30 days, "
            f"{hourly:.1f} per hourly run on average: {escalated:,} at once is a backlog crisis, "
            f"which the cron works through in {run['seconds']:.0f} s."
        )
    for row in bench.rows:
        missed = row.missed()
        if not missed or row.unit in ("ratio",) or row.measure.startswith("Escalation"):
            continue
        slow = row.profile.slow_count(0.02)
        text.append(
            f"- **{row.measure}** misses its target by ×{missed:.1f} ({row.figure()}): SQL "
            f"takes {row.profile.sql * 1000:.0f} ms of it in {row.queries_text()} statements"
            + (f", {slow:.0f} of them over 20 ms each" if slow else "")
            + f". The slowest: {slowest_text(row.profile, scans)}."
        )
    text.append(
        "- **Query counts** of searches, reviews, views and reports are a fixed number of "
        "SQL statements (domains, `_read_group`, the SQL view), whatever the number of "
        "complaints; those of the escalation cron grow with the complaints escalated, and "
        "those of the kanban with the number of columns shown (a column of fewer than 40 "
        "cards needs no count of its own). The comparison with another "
        "size, when one was measured on this machine, is below. Time, though, does grow "
        "with the size wherever a statement has to read every complaint: see the slowest "
        "statements above."
    )
    return "\n".join(text)
