"""What an addon exposes to the web, and in which mode Odoo serves it: routes
and RPC methods declared read-only run on a read-only cursor, the PostgreSQL
replica when one is configured (``--db_replica_host``)."""

import contextlib
import re
from unittest.mock import patch

from lxml import etree

from odoo.http import Request

# The mode of a route decided from each request.
PER_REQUEST = "per request"


def _defined_in(cls, addon):
    return cls.__module__.startswith(f"odoo.addons.{addon}.")


def addon_routes(env, addon):
    """{url: (mode, controller)} of the routes the addon declares or
    overrides; the mode is True (read-only), False, or a callable that Odoo
    calls with the controller at dispatch."""
    routes = {}
    for rule in env["ir.http"].routing_map().iter_rules():
        method = rule.endpoint.func
        name = method.__name__
        if not any(
            name in cls.__dict__ and _defined_in(cls, addon) for cls in type(method.__self__).mro()
        ):
            continue
        routes[rule.rule] = (rule.endpoint.routing["readonly"], method.__self__)
    return routes


def addon_buttons(env, addon):
    """{(model, method)} of the object buttons in the addon's views, whatever
    the model: each is an RPC call of the web client."""
    views = env["ir.model.data"].search([("module", "=", addon), ("model", "=", "ir.ui.view")])
    buttons = set()
    for view in env["ir.ui.view"].browse(views.mapped("res_id")):
        for button in etree.fromstring(view.arch_db).iter("button"):
            if button.get("type") == "object":
                buttons.add((_button_model(env, view.model, button), button.get("name")))
    return buttons


def _button_model(env, model, button):
    """The model of a button: the view's, or the comodel of the x2many
    field whose embedded view holds it, reached directly or by an xpath."""
    for node in reversed(list(button.iterancestors())):  # from the root down
        if node.tag == "field" and len(node):
            names = [node.get("name")]
        elif node.tag == "xpath":
            names = re.findall(r"field\[@name='(\w+)'\]", node.get("expr"))
        else:
            continue
        for name in names:
            field = env[model]._fields.get(name)
            if field is not None and field.type in ("one2many", "many2many"):
                model = field.comodel_name
    return model


def rpc_read_only(env, model, method):
    """Whether ``/web/dataset/call_kw`` and ``call_button`` run the method on
    a read-only cursor: the first ``_readonly`` flag along the class's MRO, as
    Odoo's web controller looks for it."""
    for cls in type(env[model]).mro():
        function = getattr(cls, method, None)
        if function is not None and hasattr(function, "_readonly"):
            return function._readonly
    return False


def defined_by(env, addon, model, method):
    """Whether the addon defines or overrides the method of the model."""
    return any(method in cls.__dict__ and _defined_in(cls, addon) for cls in type(env[model]).mro())


@contextlib.contextmanager
def transaction_modes():
    """The (path, readonly) with which the server serves the HTTP requests
    made in the block; a read-only one that writes is retried read/write
    with a warning of ``odoo.http``."""
    modes = []
    transactioning = Request._transactioning

    def spy(request, func, readonly):
        path = request.httprequest.path
        modes.append((path, readonly))
        return transactioning(request, func, readonly)

    with patch.object(Request, "_transactioning", spy):
        yield modes


def assert_served_read_only(case, requests):
    """Run the requests (callables) of an HttpCase: each served on a read-only
    cursor, and none retried read/write for having written."""
    with case.assertNoLogs("odoo.http", "WARNING"), transaction_modes() as modes:
        for request in requests:
            request()
    case.assertTrue(modes)
    case.assertEqual([mode for _path, mode in modes], [True] * len(modes), modes)


def click(case, records, method):
    """A request of the web client clicking a button of the records, as the
    HttpCase's authenticated user: it returns an action to run."""

    def request():
        action = case.make_jsonrpc_request(
            "/web/dataset/call_button",
            {"model": records._name, "method": method, "args": [records.ids], "kwargs": {}},
        )
        case.assertTrue(action["type"].startswith("ir.actions."), (records._name, method))

    return request


def assert_declarations(case, addon, routes, rpc_methods, extra_methods=()):
    """The addon's routes and RPC entry points (the object buttons of its
    views, and `extra_methods`, called by Odoo's views or the web client) are
    exactly the tables', each in the table's mode."""
    found = addon_routes(case.env, addon)
    case.assertEqual(set(found), set(routes), "a route to classify, or one gone")
    for url, (expected, why) in routes.items():
        mode, controller = found[url]
        if expected == PER_REQUEST:
            case.assertTrue(callable(mode), f"{url}: {why}")
            continue
        if callable(mode):  # one that does not depend on the request
            mode = mode(controller)
        case.assertIs(mode, expected, f"{url}: {why}")
    methods = {
        (model, method)
        for model, method in addon_buttons(case.env, addon) | set(extra_methods)
        if defined_by(case.env, addon, model, method)
    }
    case.assertEqual(methods, set(rpc_methods), "an RPC method to classify, or one gone")
    for (model, method), (read_only, why) in rpc_methods.items():
        case.assertEqual(
            rpc_read_only(case.env, model, method), read_only, f"{model}.{method}: {why}"
        )
