"""What managers and handlers read: management reviews, the complaints list
and kanban as the web client asks for them, the reporting pivot."""

import json
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import fields
from odoo.tools import date_utils

from .row import Row
from .settings import COUNT_LIMIT, KANBAN_LIMIT, LIST_LIMIT, TARGET_CRON_S, TARGET_VIEW_MS


def review(bench):
    model = "iso10002.management.review"
    today = fields.Date.today()
    quarter_start = date_utils.get_quarter(today)[0] - relativedelta(months=3)
    month_start = today.replace(day=1)
    periods = [
        ("quarter", quarter_start, quarter_start + relativedelta(months=3, days=-1)),
        ("year", month_start - relativedelta(months=12), month_start - timedelta(days=1)),
    ]
    with bench.transaction(bench.data["manager_id"]) as env:
        if model not in env:
            for name, _start, _end in periods:
                bench.rows.append(
                    Row(
                        f"review_{name}",
                        f"Management review over a {name}",
                        note="n/a (model not installed)",
                    )
                )
            return
        for name, start, end in periods:
            review = env[model].create(
                {"company_id": bench.company_id, "date_from": start, "date_to": end}
            )
            seconds, queries, profile = bench.repeated(env, review.action_compute)
            target = (TARGET_CRON_S, "s") if name == "quarter" else None
            bench.rows.append(
                Row(
                    f"review_{name}",
                    f"Management review over a {name} ({start} – {end}), both periods",
                    seconds,
                    queries,
                    target,
                    unit="s",
                    profile=profile,
                )
            )


def _specification(env, arch, view_type):
    """The web client's `specification` for the fields of a list or kanban arch."""
    fields = env["helpdesk.ticket"].fields_get(attributes=["type", "relation", "aggregator"])
    root = etree.fromstring(arch)
    nodes = root.iterchildren("field") if view_type == "list" else root.iter("field")
    spec = {}
    activity_dependencies = [
        "activity_exception_decoration",
        "activity_exception_icon",
        "activity_state",
        "activity_summary",
        "activity_type_icon",
        "activity_type_id",
    ]
    for node in nodes:
        name = node.get("name")
        widget = node.get("widget")
        names = [name] + (
            activity_dependencies if widget in ("list_activity", "kanban_activity") else []
        )
        for fname in names:
            field = fields[fname]
            invisible = node.get("invisible") in ("True", "1") or fname != name
            if field["type"] == "many2one":
                spec[fname] = {"fields": {} if invisible else {"display_name": {}}}
            elif field["type"] in ("one2many", "many2many"):
                if widget == "many2many_tags" and not invisible:
                    related = {"display_name": {}}
                    color = json.loads((node.get("options") or "{}").replace("'", '"')).get(
                        "color_field"
                    )
                    if color:
                        related[color] = {}
                    spec[fname] = {"fields": related}
                else:
                    spec.setdefault(fname, {})
            else:
                spec.setdefault(fname, {})
    aggregates = [
        f"{name}:{fields[name]['aggregator']}" for name in spec if fields[name].get("aggregator")
    ]
    return spec, aggregates


def views(bench):
    """The complaints list and kanban as the complaints menu opens them, then
    plain tickets of the support team on helpdesk_mgmt's own views: what the
    addon adds over the helpdesk it extends."""
    with bench.transaction(bench.data["manager_id"]) as env:
        context = {
            "lang": "en_US",
            "tz": "UTC",
            "uid": env.uid,
            "allowed_company_ids": [bench.company_id],
            "search_default_open": 1,
            "bin_size": True,
        }
        # as /web/action/load reads it: the views the menu opens
        complaints = env.ref("odoo_iso10002.helpdesk_ticket_action_complaints").sudo()
        _screens(
            bench,
            env,
            {**context, "iso10002_complaints": True},
            {mode: view_id for view_id, mode in complaints.views},
            [("is_complaint", "=", True)],
            ("", "complaints"),
            (TARGET_VIEW_MS, "ms"),
        )
        team = [("team_id", "=", bench.data["plain_team_id"])]
        # helpdesk_mgmt's figures to compare with, not targets of the addon
        plain = ("plain_", "plain tickets of the support team")
        _screens(bench, env, context, {}, team, plain, None)


def _screens(bench, env, context, view_ids, domain, names, target):
    """Rows for the first page of the list and of the kanban of `domain`,
    open ones first (as the menus open them), then all."""
    prefix, label = names
    tickets = env["helpdesk.ticket"].with_context(context)
    views = tickets.get_views(
        [(view_ids.get("list", False), "list"), (view_ids.get("kanban", False), "kanban")]
    )["views"]
    list_spec, _aggregates = _specification(env, views["list"]["arch"], "list")
    kanban_spec, aggregates = _specification(env, views["kanban"]["arch"], "kanban")
    progress = etree.fromstring(views["kanban"]["arch"]).find("progressbar")
    progress_bar = progress is not None and {
        "field": progress.get("field"),
        "colors": json.loads(progress.get("colors")),
    }
    for key, scope, screen_domain in (
        ("open", f"open {label}, as the menu opens them", domain + [("closed", "=", False)]),
        ("all", f"all {label}", domain),
    ):

        def list_page(domain=screen_domain):
            return tickets.web_search_read(
                domain,
                list_spec,
                offset=0,
                limit=LIST_LIMIT,
                order="sequence ASC, id ASC",
                count_limit=COUNT_LIMIT + 1,
            )

        def kanban_page(domain=screen_domain):
            groups = tickets.web_read_group(
                domain,
                aggregates,
                ["stage_id"],
                limit=None,
                offset=0,
                orderby="",
                lazy=True,
            )
            if progress_bar:
                tickets.read_progress_bar(domain, "stage_id", progress_bar)
            opened = [
                g
                for g in groups["groups"]
                if g["stage_id"] and not g.get("__fold") and g["stage_id_count"]
            ][:10]
            for group in opened:
                tickets.with_context(default_stage_id=group["stage_id"][0]).web_search_read(
                    group["__domain"],
                    kanban_spec,
                    offset=0,
                    limit=KANBAN_LIMIT,
                    order="",
                    count_limit=COUNT_LIMIT + 1,
                )
            return len(opened)

        seconds, queries, profile = bench.repeated(env, list_page)
        bench.rows.append(
            Row(
                f"{prefix}list_{key}",
                f"List, first page of 80 ({scope})",
                seconds,
                queries,
                target,
                profile=profile,
            )
        )
        columns = kanban_page()
        seconds, queries, profile = bench.repeated(env, kanban_page)
        bench.rows.append(
            Row(
                f"{prefix}kanban_{key}",
                f"Kanban, first page: {columns} columns of up to 40 ({scope})",
                seconds,
                queries,
                target,
                profile=profile,
            )
        )


def pivot(bench):
    model = "iso10002.complaint.report"
    label = "Reporting pivot: team × month, all complaints"
    with bench.transaction(bench.data["manager_id"]) as env:
        if model not in env:
            bench.rows.append(Row("pivot", label, note="n/a (model not installed)"))
            return
        report = env[model].with_context(allowed_company_ids=[bench.company_id])
        seconds, queries, profile = bench.repeated(
            env,
            lambda: report.read_group(
                [], ["__count"], ["team_id", "received_day:month"], lazy=False
            ),
        )
        bench.rows.append(Row("pivot", label, seconds, queries, profile=profile))
