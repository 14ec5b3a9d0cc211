"""The management review's PDF, downloaded from the web client, on a
read-only cursor (the PostgreSQL replica when one is configured)."""

import json

from psycopg2.errors import ReadOnlySqlTransaction
from werkzeug.exceptions import InternalServerError

from odoo import http
from odoo.http import request

from odoo.addons.web.controllers.report import ReportController

# Reports rendered without storing an attachment, as shipped: nothing to write.
READ_ONLY_REPORTS = ("odoo_iso10002.report_management_review",)


def _downloads_read_only_report(controller):
    """Whether ``/report/download`` asks for one of our read-only reports.

    Odoo's route is read/write, since a report may save its PDF as an
    attachment; it accepts an override's mode only as a callable, decided per
    request before any cursor is open, from the request's own parameters.
    """
    try:
        url, report_type = json.loads(request.httprequest.values.get("data", ""))
    except (TypeError, ValueError):
        return False
    if report_type != "qweb-pdf" or not isinstance(url, str) or "/report/pdf/" not in url:
        return False
    report_name = url.split("/report/pdf/", 1)[1].split("?", 1)[0].split("/", 1)[0]
    return report_name in READ_ONLY_REPORTS


class ReportControllerIso10002(ReportController):
    @http.route(readonly=_downloads_read_only_report)
    def report_download(self, data, context=None, token=None, readonly=True):
        try:
            return super().report_download(data, context=context, token=token, readonly=readonly)
        except InternalServerError as error:
            # Odoo's download turns every error into a 500: a write on the
            # read-only cursor (a report set to save its PDF as an attachment)
            # must reach Odoo, which runs the request again read/write.
            if isinstance(error.__cause__, ReadOnlySqlTransaction):
                raise error.__cause__ from None
            raise
