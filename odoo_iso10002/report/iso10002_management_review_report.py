from odoo import api, models


class ReportManagementReview(models.AbstractModel):
    """The printed management review: its figures by section, and the
    root-cause Pareto chart drawn in SVG."""

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
        }

    @api.model
    def _sections(self, review):
        """The review's figures grouped by section, in order."""
        labels = dict(
            self.env["iso10002.management.review.line"]
            ._fields["section"]
            ._description_selection(self.env)
        )
        return [
            {"key": key, "label": labels[key], "lines": lines}
            for key in labels
            if (lines := review.line_ids.filtered(lambda line, key=key: line.section == key))
        ]

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
