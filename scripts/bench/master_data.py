"""The data set's master data, created through the ORM (a few thousand records
at most): complaint teams with their stages and deadline policies, a plain
support team, handlers, agents and a manager, categories and customers."""

from odoo import Command

from .tables import CATEGORIES, FIRST_NAMES, LAST_NAMES


def create_master_data(env, rng, size):
    """The records the generated tickets refer to, as ids (what the measures
    need is kept in the database with the data set)."""
    ref = env.ref
    main_team = ref("odoo_iso10002.helpdesk_ticket_team_complaints")
    survey = main_team.survey_id
    teams = main_team | env["helpdesk.ticket.team"].create(
        [
            {
                "name": name,
                "is_complaint_team": True,
                "survey_id": survey.id,
                "survey_reminder_days": 5,
            }
            for name in ("Product Complaints", "Billing Complaints")
        ]
    )
    iso_stages = env["helpdesk.ticket.stage"].search([("iso_step", "!=", False)])
    iso_stages.write({"team_ids": [Command.link(team.id) for team in teams]})
    policies = main_team.deadline_policy_ids
    for team in teams - main_team:
        env["iso10002.deadline.policy"].create(
            [dict(p.copy_data()[0], team_id=team.id) for p in policies]
        )
    plain_team = env["helpdesk.ticket.team"].create({"name": "IT Support"})
    users = env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True)
    handler_group = ref("odoo_iso10002.group_complaint_user")
    handlers = users.create(
        [
            {
                "name": f"Handler {index:02d}",
                "login": f"bench_handler_{index:02d}",
                "email": f"handler{index:02d}@bench.example.com",
                "tz": "UTC",
                "groups_id": [Command.set([handler_group.id])],
            }
            for index in range(1, 21)
        ]
    )
    agents = users.create(
        [
            {
                "name": f"Support Agent {index}",
                "login": f"bench_agent_{index}",
                "email": f"agent{index}@bench.example.com",
                "tz": "UTC",
                "groups_id": [Command.set([ref("helpdesk_mgmt.group_helpdesk_user").id])],
            }
            for index in range(1, 5)
        ]
    )
    manager = users.create(
        {
            "name": "Complaints Manager",
            "login": "bench_manager",
            "email": "manager@bench.example.com",
            "tz": "UTC",
            "groups_id": [Command.set([ref("odoo_iso10002.group_complaint_manager").id])],
        }
    )
    team_handlers = {}
    for index, team in enumerate(teams):
        members = handlers[index::3]
        team.write({"user_ids": [Command.set(members.ids)], "user_id": members[0].id})
        team_handlers[team.id] = members.ids
    # the intake handler registers complaints and plain tickets alike
    plain_team.write(
        {"user_ids": [Command.set((agents | handlers[0]).ids)], "user_id": agents[0].id}
    )
    categories = env["helpdesk.ticket.category"].create(
        [{"name": name} for name, _weight in CATEGORIES]
    )
    customer_count = min(max(size // 25, 200), 5000)
    companies = env["res.partner"].create(
        [
            {"name": f"Customer Company {index:04d}", "is_company": True}
            for index in range(customer_count // 10)
        ]
    )
    customers = env["res.partner"].create(
        [
            {
                "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {index:05d}",
                "email": f"customer{index:05d}@bench.example.com",
                "phone": f"+370 600 {index:05d}",
                # one customer in five writes on behalf of a company
                "parent_id": companies[index % len(companies)].id if index % 5 == 0 else False,
            }
            for index in range(customer_count)
        ]
    )
    env.flush_all()
    channel = {
        xmlid.split("_")[-1]: ref(f"helpdesk_mgmt.helpdesk_ticket_channel_{xmlid}").id
        for xmlid in ("web", "email", "phone", "other")
    }
    channel["form"] = ref("odoo_iso10002.helpdesk_ticket_channel_public_form").id
    return {
        "complaint_team_ids": teams.ids,
        "team_handlers": team_handlers,
        "plain_team_id": plain_team.id,
        "handlers": handlers.ids,
        "handler_partners": dict(zip(handlers.ids, handlers.partner_id.ids, strict=True)),
        "agents": agents.ids,
        "manager_id": manager.id,
        "category_ids": categories.ids,
        "channels": channel,
        "customers": [
            (p.id, p.commercial_partner_id.id, p.name, p.email, p.phone) for p in customers
        ],
        "stages": {s.iso_step: s.id for s in iso_stages.sorted("sequence")[::-1]},
        "plain_stages": {
            s.name: s.id for s in env["helpdesk.ticket.stage"].search([("iso_step", "=", False)])
        },
    }
