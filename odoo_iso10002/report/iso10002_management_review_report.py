from datetime import date

from odoo import api, models
from odoo.tools import format_date


class ReportManagementReview(models.AbstractModel):
    """The printed management review: its figures by section, and the
    monthly trend and root-cause Pareto charts drawn in SVG."""

    _name = "report.odoo_iso10002.report_management_review"
    _description = "Management Review Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        reviews = self.env["iso10002.management.review"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "iso10002.management.review",
            "docs": reviews,
            "sections": {review.id: self._sections(review) for review in reviews},
            "paretos": {review.id: self._pareto(review) for review in reviews},
            "trends": {review.id: self._trend(review) for review in reviews},
        }

    @api.model
    def _sections(self, review):
        """The review's figures grouped by section, in order; the monthly trend
        is a chart of its own."""
        labels = dict(
            self.env["iso10002.management.review.line"]
            ._fields["section"]
            ._description_selection(self.env)
        )
        return [
            {"key": key, "label": labels[key], "lines": lines}
            for key in labels
            if key != "trend"
            and (lines := review.line_ids.filtered(lambda line, key=key: line.section == key))
        ]

    @api.model
    def _trend(self, review, width=640, height=160):
        """Geometry of the monthly trend chart: received and closed as bars on
        the count scale, closed on time as a line on the 0–100 % scale."""
        months = {}
        for line in review.line_ids.filtered(lambda line: line.section == "trend"):
            # key trend_<yyyy>_<mm>_<measure>
            _trend, year, month, measure = line.key.split("_", 3)
            values = months.setdefault((int(year), int(month)), {})
            values[measure] = None if line.value_missing else line.value
        chart = {"width": width, "height": height, "months": [], "line": ""}
        if not months:
            return chart
        slot = (width - 60) / len(months)
        chart["bar_width"] = bar_width = slot * 0.3
        top = max(max(v.get("received", 0), v.get("closed", 0)) for v in months.values()) or 1
        points = []
        for index, ((year, month), values) in enumerate(sorted(months.items())):
            x = 30 + index * slot + slot * 0.2
            bars = []
            for offset, measure in enumerate(("received", "closed")):
                value = values.get(measure) or 0
                h = (height - 20) * value / top
                bars.append(
                    {
                        "x": round(x + offset * bar_width, 1),
                        "y": round(height + 10 - h, 1),
                        "h": round(h, 1),
                        "value": round(value),
                        "measure": measure,
                    }
                )
            entry = {
                "label": format_date(self.env, date(year, month, 1), date_format="LLL yy"),
                "label_x": round(x + bar_width, 1),
                "bars": bars,
            }
            on_time = values.get("on_time")
            if on_time is not None:
                entry["cx"] = round(x + bar_width, 1)
                entry["cy"] = round(height + 10 - (height - 20) * on_time / 100, 1)
                entry["on_time_label"] = "%d %%" % round(on_time)
                points.append(f"{entry['cx']},{entry['cy']}")
            chart["months"].append(entry)
        chart["line"] = " ".join(points)
        return chart

    @api.model
    def _pareto(self, review, width=640, height=180):
        """Geometry of the root-cause Pareto chart (bars and cumulative line)."""
        causes = review.line_ids.filtered(lambda line: line.section == "causes")[:12]
        total = sum(causes.mapped("value"))
        chart = {"width": width, "height": height, "bars": [], "line": ""}
        if not total:
            return chart
        slot = (width - 60) / len(causes)
        chart["bar_width"] = bar_width = slot * 0.6
        top = max(causes.mapped("value"))
        cumulative = 0.0
        points = []
        for index, cause in enumerate(causes):
            cumulative += cause.value
            x = 30 + index * slot + (slot - bar_width) / 2
            h = (height - 20) * cause.value / top
            share = 100.0 * cumulative / total
            bar = {
                "x": round(x, 1),
                "y": round(height + 10 - h, 1),
                "h": round(h, 1),
                "value": round(cause.value),
                "label": cause.name[:28],
                "cumulative": share,
                "cumulative_label": "%d %%" % round(share),
                "cx": round(x + bar_width / 2, 1),
                "cy": round(height + 10 - (height - 20) * share / 100, 1),
            }
            chart["bars"].append(bar)
            points.append(f"{bar['cx']},{bar['cy']}")
        chart["line"] = " ".join(points)
        return chart
