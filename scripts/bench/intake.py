"""Intake: the cost of registering a complaint, against a plain ticket's."""

from .profile import Profile
from .row import Row
from .settings import INTAKE_RECORDS, TARGET_INTAKE_RATIO, say


def intake(bench):
    data = bench.data
    team = data["complaint_team_ids"][0]
    kinds = {
        "plain": {"team_id": data["plain_team_id"]},
        "complaint": {"team_id": team},
        "complaint_no_ack": {"team_id": team},
    }
    with bench.transaction() as env:
        handler = env["res.users"].browse(data["handlers"][0])
        partners = env["res.partner"].search(
            [("email", "=like", "customer%@bench.example.com")], limit=500
        )
        tickets = env["helpdesk.ticket"].with_user(handler)
        phone = data["channels"]["phone"]
        counter = iter(range(10**6))
        mails = env["mail.mail"].sudo()

        profiles = {kind: Profile() for kind in kinds}

        def create(kind, profile=None):
            index = next(counter)
            values = {
                "name": f"Bench intake {index}",
                "description": "<p>The parcel arrived damaged; the lamp inside is broken.</p>",
                "partner_id": partners[index % len(partners)].id,
                "channel_id": phone,
                "category_id": data["category_ids"][index % len(data["category_ids"])],
                **kinds[kind],
            }
            seconds, queries = bench.measure(
                env, lambda: tickets.create(values), profile or Profile()
            )
            env.invalidate_all()
            return seconds, queries

        totals = {kind: [0.0, 0] for kind in kinds}
        mail_count = {}
        # the cron that acknowledges, as ir.cron calls it right after the commit
        acknowledging = env["helpdesk.ticket"].with_context(lang="en_US")
        cron = {"seconds": 0.0, "queries": 0, "acknowledged": 0, "profile": Profile()}

        def send_acknowledgements(profile):
            pending = acknowledging.search_count([("acknowledgement_pending", "=", True)])
            seconds, queries = bench.measure(
                env,
                lambda: acknowledging._cron_send_acknowledgements(batch_size=pending),
                profile,
            )
            env.invalidate_all()
            return pending, seconds, queries

        for kind in kinds:  # warm-up
            for _index in range(30):
                create(kind)
        send_acknowledgements(Profile())
        # interleaved in blocks, so that a drift of the machine hits all kinds alike
        for block in range(10):
            for kind in ("plain", "complaint", "complaint_no_ack"):
                env["helpdesk.ticket.team"].browse(team).sudo().write(
                    {"complaint_auto_acknowledge": kind != "complaint_no_ack"}
                )
                env.flush_all()
                before = mails.search_count([])
                for _index in range(INTAKE_RECORDS // 10):
                    seconds, queries = create(kind, profiles[kind])
                    totals[kind][0] += seconds
                    totals[kind][1] += queries
                acknowledged, seconds, queries = send_acknowledgements(cron["profile"])
                cron["acknowledged"] += acknowledged
                cron["seconds"] += seconds
                cron["queries"] += queries
                mail_count[kind] = mail_count.get(kind, 0) + mails.search_count([]) - before
            say(f"intake: block {block + 1}/10")
    plain_families = profiles["plain"].families(per=INTAKE_RECORDS)
    bench.facts["intake_families"] = {
        family: count - plain_families.get(family, 0)
        for family, count in profiles["complaint"].families(per=INTAKE_RECORDS).items()
        if count > plain_families.get(family, 0)
    }
    bench.facts["intake_profiles"] = profiles
    per = {kind: (t / INTAKE_RECORDS, q / INTAKE_RECORDS) for kind, (t, q) in totals.items()}
    bench.facts["intake_mails"] = mail_count
    per_ack = (
        cron["seconds"] / cron["acknowledged"],
        cron["queries"] / cron["acknowledged"],
    )
    bench.facts["intake_cron"] = {**cron, "per": per_ack}
    plain, complaint, no_ack = per["plain"], per["complaint"], per["complaint_no_ack"]
    bench.rows += [
        Row(
            "intake_plain",
            f"Intake: plain ticket ({INTAKE_RECORDS:,} creates)",
            plain[0],
            plain[1],
            unit="ms/record",
        ),
        Row(
            "intake_complaint",
            f"Intake: complaint, acknowledgement cron triggered ({INTAKE_RECORDS:,} creates)",
            complaint[0],
            complaint[1],
            unit="ms/record",
        ),
        Row(
            "intake_acknowledgement",
            f"Intake: acknowledgement cron, after the commit ({cron['acknowledged']:,} complaints)",
            per_ack[0],
            per_ack[1],
            unit="ms/record",
        ),
        Row(
            "intake_complaint_no_ack",
            f"Intake: complaint, automatic acknowledgement off ({INTAKE_RECORDS:,} creates)",
            no_ack[0],
            no_ack[1],
            unit="ms/record",
        ),
    ]
    ratio = Row(
        "intake_ratio",
        "Intake: complaint ÷ plain ticket",
        complaint[0] / plain[0],
        round(complaint[1] / plain[1], 1),
        target=(TARGET_INTAKE_RATIO, "ratio"),
        unit="ratio",
    )
    bench.rows.append(ratio)
    bench.facts["intake"] = per
